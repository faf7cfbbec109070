import type { EnterpriseStatus, IndustryKey, InsuranceStatus, SupervisionClass } from '../../../../common/industries.js';

/** Plain data produced by the seeded demo generator; the seeder inserts it. */
export interface DemoRegion {
  code: string; // GB/T 2260 for city/county; 9-digit town codes below (county code + 3 digits)
  name: string;
  nameEn: string;
  level: 'city' | 'county' | 'zone' | 'town';
  parentCode: string | null;
}

export interface DemoDepartment {
  key: string; // stable key, e.g. 'city-yjj', 'zezhou-yjj', 'city-energy'
  name: string; // 晋城市应急管理局
  nameEn: string;
  regionCode: string;
  /** government: comprehensive supervision (sees the whole region subtree); industry: 行业部门 */
  kind: 'government' | 'industry';
  industries: IndustryKey[]; // industries an industry department supervises; [] for government
}

export interface DemoLicence {
  kind: string; // 安全生产许可证, 危险化学品经营许可证, 采矿许可证, 建筑施工企业安全生产许可证, 道路运输经营许可证 ...
  number: string;
  issuedBy: string;
  validFrom: string; // YYYY-MM-DD
  validTo: string;
}

export interface DemoAssignment {
  departmentKey: string;
  responsiblePerson: string | null; // null on purpose for a few enterprises (the 一张表 flags them)
  responsiblePhone: string | null;
  primary: boolean;
}

export interface DemoEnterprise {
  key: string; // 'ent-0001'; the two demo enterprise users' enterprises are 'demo-coal' and 'demo-chem'
  uscc: string; // valid GB 32100 checksum, region part = its county code
  name: string;
  regionCode: string; // a town code
  address: string;
  lng: number; // WGS 84, inside Jincheng (about 111.9–113.6 E, 35.2–36.1 N)
  lat: number;
  industry: IndustryKey;
  supervisionClass: SupervisionClass;
  status: EnterpriseStatus;
  legalRepresentative: string;
  principal: string; // 主要负责人
  safetyManager: string;
  phone: string; // valid mainland mobile
  employees: number;
  isGroup: boolean;
  groupKey: string | null;
  standardizationGrade: 1 | 2 | 3 | null;
  standardizationExpiry: string | null;
  insuranceStatus: InsuranceStatus;
  insuranceExpiry: string | null;
  insurer: string | null;
  licences: DemoLicence[];
  assignments: DemoAssignment[]; // [] for a few enterprises on purpose (no supervising department)
}

export interface DemoUser {
  username: string;
  displayName: string;
  kind: 'platform' | 'government' | 'industry' | 'enterprise' | 'group';
  departmentKey?: string;
  enterpriseKey?: string;
  roles: string[]; // role keys from server/kernel/access/builtin-roles.ts
}

export interface DemoData {
  regions: DemoRegion[];
  departments: DemoDepartment[];
  enterprises: DemoEnterprise[];
  users: DemoUser[];
}

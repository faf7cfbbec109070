import dayjs, { type Dayjs } from 'dayjs';
import type { TCreateEnterprise, TEnterpriseDetail } from './api';

export interface LicenceValues {
  kind: string;
  number: string;
  issuedBy: string;
  validFrom: Dayjs | null;
  validTo: Dayjs | null;
}

/** What the enterprise form holds; dates as Dayjs, empty optional fields as undefined. */
export interface EnterpriseFormValues {
  uscc: string;
  name: string;
  regionCode?: string;
  address: string;
  lng?: number | null;
  lat?: number | null;
  industry?: string;
  supervisionClass?: string;
  legalRepresentative: string;
  principal: string;
  safetyManager?: string | null;
  phone: string;
  employees?: number | null;
  isGroup: boolean;
  groupId?: string | null;
  standardizationGrade?: 1 | 2 | 3 | null;
  standardizationExpiry?: Dayjs | null;
  insuranceStatus?: string;
  insuranceExpiry?: Dayjs | null;
  insurer?: string | null;
  licences: LicenceValues[];
}

const day = (s: string | null | undefined) => (s ? dayjs(s) : null);
const ymd = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);
const text = (s: string | null | undefined) => {
  const v = s?.trim();
  return v ? v : null;
};
const num = (n: number | null | undefined) => (n === undefined || n === null || Number.isNaN(n) ? null : n);

export const EMPTY_ENTERPRISE: Partial<EnterpriseFormValues> = {
  isGroup: false,
  employees: 0,
  insuranceStatus: 'uninsured',
  standardizationGrade: null,
  licences: [],
};

export function fromDetail(d: TEnterpriseDetail): EnterpriseFormValues {
  return {
    uscc: d.uscc,
    name: d.name,
    regionCode: d.regionCode,
    address: d.address,
    lng: d.lng,
    lat: d.lat,
    industry: d.industry,
    supervisionClass: d.supervisionClass,
    legalRepresentative: d.legalRepresentative,
    principal: d.principal,
    safetyManager: d.safetyManager,
    phone: d.phone,
    employees: d.employees,
    isGroup: d.isGroup,
    groupId: d.groupId,
    standardizationGrade: d.standardizationGrade === 1 || d.standardizationGrade === 2 || d.standardizationGrade === 3 ? d.standardizationGrade : null,
    standardizationExpiry: day(d.standardizationExpiry),
    insuranceStatus: d.insuranceStatus,
    insuranceExpiry: day(d.insuranceExpiry),
    insurer: d.insurer,
    licences: d.licences.map((l) => ({ kind: l.kind, number: l.number, issuedBy: l.issuedBy, validFrom: day(l.validFrom), validTo: day(l.validTo) })),
  };
}

/**
 * The request body (ZCreateEnterprise's fields exactly; the server validates and answers with
 * field errors). Typed loosely on enums because the form's selects only offer valid keys.
 */
export function toPayload(v: EnterpriseFormValues): TCreateEnterprise {
  return {
    uscc: v.uscc.trim(),
    name: v.name.trim(),
    regionCode: v.regionCode ?? '',
    address: v.address.trim(),
    lng: num(v.lng),
    lat: num(v.lat),
    industry: v.industry as TCreateEnterprise['industry'],
    supervisionClass: v.supervisionClass as TCreateEnterprise['supervisionClass'],
    legalRepresentative: v.legalRepresentative.trim(),
    principal: v.principal.trim(),
    safetyManager: text(v.safetyManager),
    phone: v.phone.trim(),
    employees: num(v.employees) ?? 0,
    isGroup: v.isGroup,
    groupId: v.isGroup ? null : (v.groupId ?? null),
    standardizationGrade: v.standardizationGrade ?? null,
    standardizationExpiry: v.standardizationGrade ? ymd(v.standardizationExpiry) : null,
    insuranceStatus: (v.insuranceStatus ?? 'uninsured') as TCreateEnterprise['insuranceStatus'],
    insuranceExpiry: ymd(v.insuranceExpiry),
    insurer: text(v.insurer),
    licences: (v.licences ?? []).map((l) => ({
      kind: l.kind.trim(),
      number: l.number.trim(),
      issuedBy: l.issuedBy.trim(),
      validFrom: ymd(l.validFrom) ?? '',
      validTo: ymd(l.validTo) ?? '',
    })),
  };
}

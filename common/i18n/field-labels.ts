import type { Locale } from './api-messages.js';

/** Names of request fields as users know them, so a 400 says "统一社会信用代码" not "uscc". */
export const FIELD_LABELS: Record<string, Record<Locale, string>> = {
  uscc: { 'zh-CN': '统一社会信用代码', 'en-US': 'Unified social credit code' },
  code: { 'zh-CN': '代码', 'en-US': 'Code' },
  name: { 'zh-CN': '名称', 'en-US': 'Name' },
  regionCode: { 'zh-CN': '属地行政区划', 'en-US': 'Region' },
  address: { 'zh-CN': '地址', 'en-US': 'Address' },
  lng: { 'zh-CN': '经度', 'en-US': 'Longitude' },
  lat: { 'zh-CN': '纬度', 'en-US': 'Latitude' },
  industry: { 'zh-CN': '行业', 'en-US': 'Industry' },
  supervisionClass: { 'zh-CN': '分类分级', 'en-US': 'Supervision class' },
  status: { 'zh-CN': '状态', 'en-US': 'Status' },
  legalRepresentative: { 'zh-CN': '法定代表人', 'en-US': 'Legal representative' },
  principal: { 'zh-CN': '主要负责人', 'en-US': 'Principal' },
  safetyManager: { 'zh-CN': '安全管理负责人', 'en-US': 'Safety manager' },
  phone: { 'zh-CN': '联系电话', 'en-US': 'Phone' },
  employees: { 'zh-CN': '从业人数', 'en-US': 'Employees' },
  groupId: { 'zh-CN': '所属集团', 'en-US': 'Group' },
  isGroup: { 'zh-CN': '是否集团', 'en-US': 'Is a group' },
  standardizationGrade: { 'zh-CN': '标准化等级', 'en-US': 'Standardization grade' },
  standardizationExpiry: { 'zh-CN': '标准化有效期', 'en-US': 'Standardization expiry' },
  insuranceStatus: { 'zh-CN': '安责险状态', 'en-US': 'Liability insurance' },
  insuranceExpiry: { 'zh-CN': '安责险到期日', 'en-US': 'Insurance expiry' },
  insurer: { 'zh-CN': '承保机构', 'en-US': 'Insurer' },
  licences: { 'zh-CN': '许可证', 'en-US': 'Licences' },
  kind: { 'zh-CN': '类别', 'en-US': 'Kind' },
  number: { 'zh-CN': '编号', 'en-US': 'Number' },
  issuedBy: { 'zh-CN': '发证机关', 'en-US': 'Issued by' },
  validFrom: { 'zh-CN': '有效期起', 'en-US': 'Valid from' },
  validTo: { 'zh-CN': '有效期止', 'en-US': 'Valid to' },
  comment: { 'zh-CN': '说明', 'en-US': 'Comment' },
  documentNumber: { 'zh-CN': '文书编号', 'en-US': 'Document number' },
  departmentId: { 'zh-CN': '监管部门', 'en-US': 'Department' },
  enterpriseId: { 'zh-CN': '企业', 'en-US': 'Enterprise' },
  responsiblePerson: { 'zh-CN': '监管责任人', 'en-US': 'Responsible official' },
  responsiblePhone: { 'zh-CN': '责任人电话', 'en-US': 'Official phone' },
  primary: { 'zh-CN': '主管部门', 'en-US': 'Primary' },
  username: { 'zh-CN': '用户名', 'en-US': 'Username' },
  password: { 'zh-CN': '密码', 'en-US': 'Password' },
  newPassword: { 'zh-CN': '新密码', 'en-US': 'New password' },
  currentPassword: { 'zh-CN': '当前密码', 'en-US': 'Current password' },
  displayName: { 'zh-CN': '姓名', 'en-US': 'Display name' },
  roles: { 'zh-CN': '角色', 'en-US': 'Roles' },
  page: { 'zh-CN': '页码', 'en-US': 'Page' },
  pageSize: { 'zh-CN': '每页条数', 'en-US': 'Page size' },
  sort: { 'zh-CN': '排序', 'en-US': 'Sort' },
  date: { 'zh-CN': '日期', 'en-US': 'Date' },
  version: { 'zh-CN': '版本号', 'en-US': 'Version' },
  format: { 'zh-CN': '格式', 'en-US': 'Format' },
  file: { 'zh-CN': '文件', 'en-US': 'File' },
};

export function fieldLabel(path: string, locale: Locale): string {
  const last =
    path
      .split('.')
      .filter((p) => !/^\d+$/.test(p))
      .pop() ?? path;
  return FIELD_LABELS[last]?.[locale] ?? path;
}

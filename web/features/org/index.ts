// The org feature's public surface: what other features and shared components use. Anything else in
// this folder is the feature's own (dependency-cruiser: web-features-meet-through-index).
export { type TSupervisionRow, useAllDepartments, useEnterprise, useEnterprises, useRegions } from './api';
export { ImportModal } from './ImportModal';
export { buildRegionTree } from './regions';

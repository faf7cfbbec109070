import { Tag } from 'antd';
import type { Permission } from '../../../common/permissions';
import { useI18n } from '../../i18n';
import type { IndicatorKey, IndicatorStatus, RegisterKind } from './api';

/** 达标 green, 接近 (≥ 80 % of the target) yellow, 未达标 red, 无数据 grey — computed by the server. */
export const STATUS_COLORS: Record<IndicatorStatus, string> = { green: 'green', yellow: 'gold', red: 'red', grey: 'default' };
export const STATUS_HEX: Record<IndicatorStatus, string> = { green: '#52c41a', yellow: '#faad14', red: '#f5222d', grey: '#bfbfbf' };

export function IndicatorStatusTag({ status }: { status: IndicatorStatus }) {
  const { t } = useI18n();
  const known = status in STATUS_COLORS;
  return (
    <Tag color={STATUS_COLORS[status] ?? 'default'} style={{ marginInlineEnd: 0 }}>
      {known ? t(`plan.status.${status}`) : status}
    </Tag>
  );
}

/** The registers an indicator is computed from, so the item page can link to where they are kept. */
export const REGISTERS_OF: Partial<Record<IndicatorKey, RegisterKind[]>> = {
  leaderLecture: ['leaderLecture'],
  monthlySafetyMeeting: ['safetyMeeting'],
  groupInspections: ['groupInspection'],
  hazchemFourSystems: ['hazchemSystems'],
  officerTraining: ['officerTraining', 'enforcementEquipment'],
  equipmentPerOfficer: ['enforcementEquipment'],
  intelligentMiningFaces: ['miningFace'],
};

/** Where a shortfall's id leads: an enterprise, an accident or a task; department ids lead nowhere. */
export const SHORTFALL_TARGET: Partial<Record<IndicatorKey, { path: string; permission: Permission }>> = {
  supervisionTableComplete: { path: '/enterprises', permission: 'enterprise.read' },
  standardizationCoal: { path: '/enterprises', permission: 'enterprise.read' },
  standardizationHighRisk: { path: '/enterprises', permission: 'enterprise.read' },
  liabilityInsurance: { path: '/enterprises', permission: 'enterprise.read' },
  hazchemFourSystems: { path: '/enterprises', permission: 'enterprise.read' },
  groupInspections: { path: '/enterprises', permission: 'enterprise.read' },
  fatalAccidentActions: { path: '/accidents', permission: 'accident.read' },
  taskOnTime: { path: '/tasks', permission: 'task.read' },
};

import { Tag } from 'antd';
import { GB6441_TYPES } from '../../../common/gb6441';
import { COLOR_OF_LEVEL, type RiskColor, type RiskLevel } from '../../../common/rules/risk-assessment';
import { type Locale, useI18n } from '../../i18n';

/** The four risk colours as drawn on 四色图 (text stays readable on yellow). */
export const RISK_HEX: Record<RiskColor, { bg: string; fg: string; soft: string }> = {
  red: { bg: '#e8342e', fg: '#fff', soft: '#fff1f0' },
  orange: { bg: '#f77f00', fg: '#fff', soft: '#fff7e6' },
  yellow: { bg: '#f5d000', fg: '#3d3200', soft: '#fffbe6' },
  blue: { bg: '#1668dc', fg: '#fff', soft: '#e6f4ff' },
};

/** 重大风险 in red, 较大 orange, 一般 yellow, 低 blue. */
export function RiskLevelTag({ level, short }: { level: RiskLevel; short?: boolean }) {
  const { t } = useI18n();
  const c = RISK_HEX[COLOR_OF_LEVEL[level]];
  return (
    <Tag style={{ background: c.bg, borderColor: c.bg, color: c.fg, marginInlineEnd: 0, fontWeight: 500 }}>
      {t(short ? `risk.levelShort.${level}` : `risk.level.${level}`)}
    </Tag>
  );
}

const GRADE_COLORS = { 1: '#a8071a', 2: '#d4380d', 3: '#d48806', 4: '#1668dc' } as const;

/** GB 18218 grade 一级 … 四级, or 未构成 when S < 1. */
export function GradeTag({ grade }: { grade: 1 | 2 | 3 | 4 | null }) {
  const { t } = useI18n();
  if (!grade) return <Tag style={{ marginInlineEnd: 0 }}>{t('mh.notMajor')}</Tag>;
  return <Tag style={{ background: GRADE_COLORS[grade], borderColor: GRADE_COLORS[grade], color: '#fff', marginInlineEnd: 0 }}>{t(`mh.grade.${grade}`)}</Tag>;
}

export function accidentTypeName(code: string, locale: Locale): string {
  const x = GB6441_TYPES.find((g) => g.code === code);
  return x ? (locale === 'en-US' ? x.en : x.zh) : code;
}

/** "L=3 E=6 C=40" in the method's order (the database returns the keys sorted). */
export function inputsText(inputs: Record<string, number>): string {
  return ['L', 'E', 'C', 'S']
    .filter((k) => inputs[k] !== undefined)
    .map((k) => `${k}=${inputs[k]}`)
    .join('  ');
}

export const scoreLabel = (method: 'lec' | 'ls') => (method === 'lec' ? 'D' : 'R');

const POND_GRADE_COLORS = { 1: '#a8071a', 2: '#d4380d', 3: '#d48806', 4: '#1668dc', 5: '#389e0d' } as const;

/** 尾矿库等别 一等 … 五等. */
export function PondGradeTag({ grade }: { grade: 1 | 2 | 3 | 4 | 5 }) {
  const { t } = useI18n();
  const c = POND_GRADE_COLORS[grade];
  return <Tag style={{ background: c, borderColor: c, color: '#fff', marginInlineEnd: 0 }}>{t(`pond.grade.${grade}`)}</Tag>;
}

const SAFETY_COLORS = { normal: 'success', defective: 'gold', dangerous: 'orange', critical: 'red' } as const;

/** 安全度: 正常库 green, 病库 gold, 险库 orange, 危库 red. */
export function SafetyTag({ status }: { status: keyof typeof SAFETY_COLORS }) {
  const { t } = useI18n();
  return (
    <Tag color={SAFETY_COLORS[status]} style={{ marginInlineEnd: 0 }}>
      {t(`pond.safety.${status}`)}
    </Tag>
  );
}

/** 头顶库 as a red outlined tag. */
export function OverheadTag() {
  const { t } = useI18n();
  return (
    <Tag color="red" variant="outlined" style={{ marginInlineEnd: 0 }}>
      {t('pond.overhead')}
    </Tag>
  );
}

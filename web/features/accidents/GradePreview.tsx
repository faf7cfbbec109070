import { LoadingOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Flex, Typography } from 'antd';
import { useMemo } from 'react';
import { Source } from '../../components/Source';
import { useI18n } from '../../i18n';
import { errorMessage } from '../../lib/api';
import { useDebounced } from '../../lib/use-debounced';
import { gradeAccidentRemote, type TGradeResult } from './api';
import { decidedByText, GradeTag, gradeName } from './labels';

const count = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : 0);

function GradeResult({ result }: { result: TGradeResult }) {
  const { t, locale } = useI18n();
  const criteria = (['deaths', 'seriousInjuries', 'directLoss'] as const).map((c) =>
    t('accident.criterionGrade', { criterion: t(`accident.criterion.${c}`), grade: gradeName(result.criteria[c], locale) }),
  );
  return (
    <Flex vertical gap={2}>
      <Flex align="center" gap={8} wrap>
        <GradeTag grade={result.grade} />
        <Typography.Text strong>{decidedByText(result.grade, result.decidedBy, t)}</Typography.Text>
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {criteria.join(locale === 'en-US' ? '; ' : '；')}
      </Typography.Text>
      <Source text={result.source} />
    </Flex>
  );
}

/**
 * The grade the figures reach (国务院令第493号 Art. 3), computed by the server's calculator while the
 * numbers are typed (debounced 400 ms). The server grades again on save; this is the preview.
 */
export function GradePreview({ deaths, seriousInjuries, directLossYuan }: { deaths: unknown; seriousInjuries: unknown; directLossYuan: unknown }) {
  const { t } = useI18n();
  // Debounced as a string: a fresh object every render would never settle.
  const key = useDebounced(`${count(deaths)}/${count(seriousInjuries)}/${count(directLossYuan)}`, 400);
  const input = useMemo(() => {
    const [d = 0, s = 0, l = 0] = key.split('/').map(Number);
    return { deaths: d, seriousInjuries: s, directLossYuan: l };
  }, [key]);
  const calc = useQuery({
    queryKey: ['calculators', 'accident-grade', input],
    queryFn: ({ signal }) => gradeAccidentRemote(input, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
  return (
    <div style={{ padding: '8px 12px', background: '#fafafa', border: '1px solid #f0f0f0', borderRadius: 4 }}>
      <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 4 }}>
        {t('accident.gradePreview')}
      </Typography.Text>
      {calc.data ? (
        <GradeResult result={calc.data} />
      ) : calc.error ? (
        <Typography.Text type="warning">{errorMessage(calc.error)}</Typography.Text>
      ) : (
        <LoadingOutlined />
      )}
    </div>
  );
}

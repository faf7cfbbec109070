import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../i18n';

const DATE = 'YYYY-MM-DD';

/** A statistics period (YYYY-MM-DD to YYYY-MM-DD) with this year, last year and the last 12 months as presets. */
export function PeriodPicker({ from, to, onChange }: { from: string; to: string; onChange: (p: { from?: string; to?: string }) => void }) {
  const { t } = useI18n();
  return (
    <DatePicker.RangePicker
      value={[dayjs(from), dayjs(to)]}
      allowClear={false}
      presets={[
        { label: t('stats.thisYear'), value: [dayjs().startOf('year'), dayjs()] },
        { label: t('stats.lastYear'), value: [dayjs().subtract(1, 'year').startOf('year'), dayjs().subtract(1, 'year').endOf('year')] },
        { label: t('stats.last12Months'), value: [dayjs().subtract(12, 'month').add(1, 'day'), dayjs()] },
      ]}
      onChange={(v) => onChange({ from: v?.[0]?.format(DATE), to: v?.[1]?.format(DATE) })}
    />
  );
}

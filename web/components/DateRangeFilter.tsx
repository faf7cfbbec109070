import { DatePicker, type GetProps } from 'antd';
import dayjs from 'dayjs';

type Props = Omit<GetProps<typeof DatePicker.RangePicker>, 'value' | 'onChange'> & {
  /** The filter's from and to in the URL (YYYY-MM-DD, inclusive). */
  from: string | undefined;
  to: string | undefined;
  /** Both ends, or both undefined when the range is cleared. */
  onChange: (range: { from: string | undefined; to: string | undefined }) => void;
};

/** An optional date range filter kept in the URL as `from` and `to`; it shows a range only when both are set. */
export function DateRangeFilter({ from, to, onChange, ...rest }: Props) {
  return (
    <DatePicker.RangePicker
      {...rest}
      value={from && to ? [dayjs(from), dayjs(to)] : null}
      onChange={(v) => onChange({ from: v?.[0] ? v[0].format('YYYY-MM-DD') : undefined, to: v?.[1] ? v[1].format('YYYY-MM-DD') : undefined })}
    />
  );
}

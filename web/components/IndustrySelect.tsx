import { Select } from 'antd';
import { INDUSTRIES } from '../../common/industries';
import { useI18n } from '../i18n';
import { localName } from '../lib/format';

interface Props {
  value?: string;
  onChange?: (value: string | undefined) => void;
  allowClear?: boolean;
  placeholder?: string;
  style?: React.CSSProperties;
  id?: string;
}

export function IndustrySelect({ value, onChange, allowClear = true, placeholder, style, id }: Props) {
  const { locale, t } = useI18n();
  const options = INDUSTRIES.map((i) => ({ value: i.key, label: localName(locale, i) }));
  return (
    <Select
      id={id}
      value={value}
      onChange={(v) => onChange?.(v ?? undefined)}
      options={options}
      allowClear={allowClear}
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={placeholder ?? t('field.industry')}
      style={style}
    />
  );
}

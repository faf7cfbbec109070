import { Form, Input, type InputProps, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n';

type Props = Omit<InputProps, 'value' | 'onChange' | 'defaultValue' | 'type'> & {
  value?: number | null;
  /** A number, null when emptied, NaN while the text is not a number (so a form rule or the server refuses it). */
  onChange?: (value: number | null) => void;
  /** Whole numbers only: "1.5" is refused with a message. */
  integer?: boolean;
};

const FULL_WIDTH = /[０-９．－＋]/g;
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)$/;

/** The text a person typed as a number: full-width digits (Chinese IME) and spaces are accepted. */
export function parseNumber(text: string): number | null | typeof Number.NaN {
  const s = text.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\s+/g, '');
  if (s === '') return null;
  return NUMBER.test(s) ? Number(s) : Number.NaN;
}

/**
 * A number field that never turns what was typed into something else: `12x3` stays on screen, the
 * field says "请输入数字", and the form value is NaN (not 0, not 12), which rulesFor and the server both
 * refuse. Min, max and precision are the schema's business (rulesFor), not silently clamped here.
 */
export function NumberInput({ value, onChange, integer, status, ...rest }: Props) {
  const { t } = useI18n();
  const [text, setText] = useState(value == null || Number.isNaN(value) ? '' : String(value));
  // A value set from outside (form reset, loaded record) replaces the text; our own NaN does not.
  useEffect(() => {
    if (value === undefined || value === null) {
      setText('');
      return;
    }
    if (Number.isNaN(value)) return;
    setText((cur) => (parseNumber(cur) === value ? cur : String(value)));
  }, [value]);
  const parsed = parseNumber(text);
  const bad = parsed !== null && (Number.isNaN(parsed) || (integer === true && !Number.isInteger(parsed)));
  const problem = bad ? (Number.isNaN(parsed as number) ? t('kit.number.invalid') : t('kit.number.integer')) : null;
  // Inside a Form.Item with rules the item shows the error; alone, the field shows its own.
  const item = Form.Item.useStatus();
  const itemShows = (item.errors?.length ?? 0) > 0;
  return (
    <>
      <Input
        {...rest}
        inputMode="decimal"
        autoComplete="off"
        value={text}
        status={bad ? 'error' : status}
        aria-invalid={bad || undefined}
        onChange={(e) => {
          const next = e.target.value;
          setText(next);
          const n = parseNumber(next);
          onChange?.(n !== null && !Number.isNaN(n) && integer && !Number.isInteger(n) ? Number.NaN : n);
        }}
      />
      {problem && !itemShows ? (
        <Typography.Text type="danger" role="alert" style={{ display: 'block', fontSize: 12 }}>
          {problem}
        </Typography.Text>
      ) : null}
    </>
  );
}

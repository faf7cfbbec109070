import { Input, type InputProps } from 'antd';
import type { TextAreaProps } from 'antd/es/input';
import type { z } from 'zod';
import { maxLengthOf } from '../lib/form-rules';

/** The limit comes from the shared schema (so it is the server's), or is given. */
type Limit = { schema: z.core.$ZodType; field: string; max?: never } | { max: number; schema?: never; field?: never };

// The server trims and then counts UTF-16 units (zod's .max): the counter counts the same way.
const count = (max: number | undefined) => ({ show: true, max, strategy: (s: string) => s.trim().length });

function limit(l: Limit): number | undefined {
  return l.schema ? maxLengthOf(l.schema, l.field) : l.max;
}

/**
 * A text input that shows its count and limit ("37 / 200"). Text past the limit is kept and shown in
 * red — never cut, as the browser's maxLength would cut a paste — and rulesFor refuses it with a message.
 */
export function TextInput(props: Omit<InputProps, 'maxLength' | 'count' | 'showCount'> & Limit) {
  const { schema, field, max, ...rest } = props;
  return <Input {...rest} count={count(limit({ schema, field, max } as Limit))} />;
}

/** A text area with count and limit, as TextInput. */
export function TextArea(props: Omit<TextAreaProps, 'maxLength' | 'count' | 'showCount'> & Limit) {
  const { schema, field, max, ...rest } = props;
  return <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} {...rest} count={count(limit({ schema, field, max } as Limit))} />;
}

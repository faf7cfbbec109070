import { Input } from 'antd';
import type { SearchProps } from 'antd/es/input';

type Props = Omit<SearchProps, 'value' | 'defaultValue' | 'onSearch' | 'allowClear'> & {
  /** The filter's value in the URL. */
  value: string | undefined;
  /** The trimmed text, or undefined when it is empty (the filter is cleared). */
  onSearch: (value: string | undefined) => void;
};

/**
 * A list's search box bound to a filter kept in the URL: it shows the URL's value (and takes it up
 * again when the URL changes, e.g. on back or a reset) and submits the trimmed text on Enter.
 */
export function UrlSearch({ value, onSearch, ...rest }: Props) {
  return <Input.Search key={value ?? ''} defaultValue={value} allowClear {...rest} onSearch={(v) => onSearch(v.trim() || undefined)} />;
}

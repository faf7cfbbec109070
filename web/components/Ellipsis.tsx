import { Typography } from 'antd';
import type { CSSProperties, ReactNode } from 'react';

/**
 * One line cut with "…"; the full text shows in a tooltip only when it is cut. `children` (a link, say)
 * replaces the text shown; `text` is still what the tooltip says. Works inside table cells, where the
 * column's own `ellipsis` does not reach into links or stacked content.
 */
export function Ellipsis({ text, children, code, style }: { text: string; children?: ReactNode; code?: boolean; style?: CSSProperties }) {
  return (
    <Typography.Text code={code} ellipsis={{ tooltip: { title: text, placement: 'topLeft' } }} style={{ maxWidth: '100%', ...style }}>
      {children ?? text}
    </Typography.Text>
  );
}

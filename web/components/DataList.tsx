import { Card, Checkbox, Empty, Flex, Pagination, Spin, Table, type TableProps, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { Fragment, type Key, type ReactNode, useState } from 'react';
import { useI18n } from '../i18n';
import type { ListPaging } from '../lib/list-page';
import { usePhone } from '../lib/use-phone';

/**
 * Where a column appears on a phone's card:
 * - 'title': the card's first line (the name, linked);
 * - 'lead': the lines right under it, large, without a label — what a person on site needs first
 *   (current value and status, grade and deadline, due date);
 * - 'body': label: value rows (the default);
 * - 'actions': the card's last line, right-aligned;
 * - false: not on the card.
 */
export type CardPlace = 'title' | 'lead' | 'body' | 'actions' | false;

export interface DataColumn<T> extends ColumnType<T> {
  card?: CardPlace;
  /** The label on the card when the column's title is not text, or should be shorter. */
  cardLabel?: ReactNode;
  /** What the card shows, when it differs from the cell (`render`). */
  cardRender?: (record: T, index: number) => ReactNode;
}

interface Props<T> {
  columns: DataColumn<T>[];
  dataSource: readonly T[] | undefined;
  loading?: boolean;
  /** Checkboxes: the table's column, or a checkbox on each card. */
  rowSelection?: TableProps<T>['rowSelection'];
  /** Table-only: horizontal scroll width (`{ x: 1100 }`), size, expandable rows. Cards ignore them. */
  scroll?: { x?: number | string | true; y?: number | string };
  size?: 'small' | 'middle' | 'large';
  expandable?: TableProps<T>['expandable'];
  rowKey: keyof T & string;
  /** Server paging and sort from useListPage; without it the list is shown whole, client-paged at 20. */
  list?: ListPaging;
  total?: number;
  /** 'auto' (default): a table, cards at ≤ 576 px. */
  layout?: 'auto' | 'table' | 'cards';
}

// antd types dataIndex as a deep name path of T; walked as plain keys here (the typed walk is very costly to check).
type PlainPath = string | number | readonly (string | number)[] | undefined;

function cellValue<T>(col: DataColumn<T>, record: T, index: number): ReactNode {
  if (col.cardRender) return col.cardRender(record, index);
  const di = col.dataIndex as unknown as PlainPath;
  const path: readonly (string | number)[] = di === undefined ? [] : typeof di === 'object' ? di : [di];
  let v: unknown = record;
  for (const p of path) v = v == null ? undefined : (v as Record<string | number, unknown>)[p];
  if (col.render) return col.render(v, record, index) as ReactNode;
  return v == null || v === '' ? '—' : (v as ReactNode);
}

function keyOf<T>(col: DataColumn<T>, i: number): Key {
  const di = col.dataIndex as unknown as PlainPath;
  return col.key ?? (di === undefined ? i : typeof di === 'object' ? di.join('.') : di);
}

/**
 * A list that is a table on a desktop and cards on a phone (≤ 576 px: no sideways scrolling), each
 * column saying where it goes on the card (`card`). Paging and sort come from useListPage.
 */
export function DataList<T extends object>(props: Props<T>) {
  const { columns, rowKey, list, total, layout = 'auto', dataSource, loading, rowSelection } = props;
  const phone = usePhone();
  const cards = layout === 'cards' || (layout === 'auto' && phone);
  if (!cards) {
    const paging = list ? list.tableProps<T>(total) : undefined;
    return (
      <Table<T>
        rowKey={rowKey}
        columns={columns}
        dataSource={dataSource as T[] | undefined}
        loading={loading}
        rowSelection={rowSelection}
        scroll={props.scroll}
        size={props.size}
        expandable={props.expandable}
        pagination={paging ? paging.pagination : { pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
        onChange={paging?.onChange}
      />
    );
  }
  return (
    <CardList
      columns={columns as unknown as DataColumn<Row>[]}
      rowKey={rowKey}
      list={list}
      total={total}
      dataSource={(dataSource ?? []) as unknown as Row[]}
      loading={Boolean(loading)}
      rowSelection={rowSelection as CardSelection | undefined}
    />
  );
}

/** What the cards need of a table's row selection (a checkbox on each card). */
interface CardSelection {
  selectedRowKeys?: Key[];
  onChange?: (keys: Key[], rows: never[], info: { type: 'multiple' }) => void;
}

type Row = Record<string, unknown>;

// Not generic on purpose: antd's generic column and selection types made the checker run out of memory here.
function CardList({
  columns,
  rowKey,
  list,
  total,
  dataSource,
  loading,
  rowSelection,
}: {
  columns: DataColumn<Row>[];
  rowKey: string;
  list?: ListPaging;
  total?: number;
  dataSource: readonly Row[];
  loading: boolean;
  rowSelection?: CardSelection;
}) {
  const { t } = useI18n();
  const place = (p: CardPlace) => columns.filter((c) => (c.card ?? 'body') === p);
  const title = place('title');
  const lead = place('lead');
  const body = place('body');
  const actions = place('actions');
  const selected = new Set(rowSelection?.selectedRowKeys ?? []);
  const [localPage, setLocalPage] = useState(1);
  const shown = list ? dataSource : dataSource.slice((localPage - 1) * 20, localPage * 20);
  const toggle = (id: Key) => {
    const next = selected.has(id) ? [...selected].filter((k) => k !== id) : [...selected, id];
    const byKey = new Map(dataSource.map((r) => [r[rowKey] as Key, r]));
    rowSelection?.onChange?.(next, next.map((k) => byKey.get(k)).filter(Boolean) as never[], { type: 'multiple' });
  };
  return (
    <Spin spinning={loading}>
      <Flex vertical gap={8} aria-label={t('common.total', { total: total ?? dataSource.length })}>
        {shown.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> : null}
        {shown.map((r, i) => {
          const id = r[rowKey] as Key;
          return (
            <Card
              key={String(id)}
              size="small"
              data-testid="data-card"
              style={{ width: '100%', minWidth: 0, borderColor: selected.has(id) ? '#1677ff' : undefined }}
            >
              <Flex vertical gap={4} style={{ minWidth: 0 }}>
                <Flex gap={8} align="start" style={{ minWidth: 0 }}>
                  {rowSelection ? <Checkbox checked={selected.has(id)} onChange={() => toggle(id)} /> : null}
                  <Flex vertical style={{ minWidth: 0 }}>
                    {title.map((c, j) => (
                      <Typography.Text strong key={keyOf(c, j)} style={{ fontSize: 15, overflowWrap: 'anywhere' }}>
                        {cellValue(c, r, i)}
                      </Typography.Text>
                    ))}
                  </Flex>
                </Flex>
                {lead.length ? (
                  <Flex wrap gap={8} align="center" style={{ fontSize: 15 }}>
                    {lead.map((c, j) => (
                      <span key={keyOf(c, j)} style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                        {cellValue(c, r, i)}
                      </span>
                    ))}
                  </Flex>
                ) : null}
                {body.length ? (
                  <dl style={{ display: 'grid', gridTemplateColumns: 'auto minmax(0, 1fr)', gap: '2px 8px', margin: 0, fontSize: 13 }}>
                    {body.map((c, j) => (
                      <Fragment key={keyOf(c, j)}>
                        <dt style={{ color: 'rgba(0,0,0,0.45)', whiteSpace: 'nowrap' }}>{c.cardLabel ?? (c.title as ReactNode)}</dt>
                        <dd style={{ margin: 0, minWidth: 0, overflowWrap: 'anywhere' }}>{cellValue(c, r, i)}</dd>
                      </Fragment>
                    ))}
                  </dl>
                ) : null}
                {/* In the body, not antd's actions bar: a row the user may not act on shows no empty bar. */}
                {actions.length ? (
                  <Flex wrap gap={4} justify="flex-end" style={{ minWidth: 0 }}>
                    {actions.map((c, j) => (
                      <span key={keyOf(c, j)}>{cellValue(c, r, i)}</span>
                    ))}
                  </Flex>
                ) : null}
              </Flex>
            </Card>
          );
        })}
        {list && (total ?? 0) > list.pageSize ? (
          <Pagination simple size="small" align="center" current={list.page} pageSize={list.pageSize} total={total ?? 0} onChange={(p) => list.setPage(p)} />
        ) : dataSource.length > 20 ? (
          <Pagination simple size="small" align="center" current={localPage} pageSize={20} total={dataSource.length} onChange={setLocalPage} />
        ) : null}
      </Flex>
    </Spin>
  );
}

import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { useListPage } from '../lib/list-page';
import { renderKit, setViewport } from '../test/render';
import { type DataColumn, DataList } from './DataList';

interface Row {
  id: string;
  name: string;
  value: number;
  status: string;
  site: string;
  secret: string;
}

const rows: Row[] = [
  { id: 'a', name: '储罐液位 T-101', value: 87.5, status: '报警', site: '一号罐区', secret: 'x1' },
  { id: 'b', name: '可燃气体 G-7', value: 12, status: '正常', site: '装卸站', secret: 'x2' },
];

const columns: DataColumn<Row>[] = [
  { title: '名称', dataIndex: 'name', card: 'title' },
  { title: '当前值', dataIndex: 'value', card: 'lead', render: (v: number) => `${v} %` },
  { title: '状态', dataIndex: 'status', card: 'lead' },
  { title: '位置', dataIndex: 'site' },
  { title: '内部', dataIndex: 'secret', card: false },
];

function Page({ total }: { total?: number }) {
  const list = useListPage(['q'] as const);
  return <DataList<Row> rowKey="id" columns={columns} dataSource={rows} list={list} total={total ?? rows.length} />;
}

afterEach(() => setViewport(1024, 768));

describe('DataList', () => {
  it('is a table on a desktop', () => {
    setViewport(1440, 900);
    renderKit(<Page />);
    expect(screen.getByRole('table')).toBeTruthy();
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['名称', '当前值', '状态', '位置', '内部']);
    expect(screen.queryAllByTestId('data-card')).toHaveLength(0);
  });

  it('is cards at 390 px: title first, value and status next without labels, the rest labelled, hidden ones absent', () => {
    setViewport(390, 844);
    renderKit(<Page />);
    expect(screen.queryByRole('table')).toBeNull();
    const cards = screen.getAllByTestId('data-card');
    expect(cards).toHaveLength(2);
    const first = cards[0] as HTMLElement;
    const text = first.textContent ?? '';
    expect(text.indexOf('储罐液位 T-101')).toBe(0);
    expect(text.indexOf('87.5 %')).toBeGreaterThan(0);
    expect(text.indexOf('87.5 %')).toBeLessThan(text.indexOf('位置'));
    expect(within(first).queryByText('当前值')).toBeNull();
    expect(within(first).getByText('位置')).toBeTruthy();
    expect(within(first).getByText('一号罐区')).toBeTruthy();
    expect(text).not.toContain('x1');
  });

  it('pages the cards through the URL on a phone', async () => {
    setViewport(390, 844);
    const user = userEvent.setup();
    const { router, container } = renderKit(<Page total={45} />, { url: '/list?q=罐' });
    const next = container.querySelector('.ant-pagination-next button, .ant-pagination-next');
    if (!next) throw new Error('no pager on the cards');
    await user.click(next);
    const params = new URLSearchParams(router.state.location.search);
    expect(params.get('page')).toBe('2');
    expect(params.get('q')).toBe('罐');
  });
});

import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { useListPage } from '../lib/list-page';
import { renderKit } from '../test/render';
import { FilterBar } from './FilterBar';
import { UrlSearch } from './UrlSearch';

function Page() {
  const list = useListPage(['q', 'status'] as const);
  return (
    <>
      <FilterBar list={list}>
        <UrlSearch value={list.filters.q} onSearch={(q) => list.setFilters({ q })} />
      </FilterBar>
      <output data-testid="query">{JSON.stringify(list.query)}</output>
    </>
  );
}

describe('useListPage + FilterBar', () => {
  it('reads filters, page and sort from the URL and gives the endpoint query', () => {
    renderKit(<Page />, { url: '/x?q=罐&status=open&page=3&pageSize=50&sort=createdAt:desc' });
    expect(JSON.parse(screen.getByTestId('query').textContent ?? '')).toEqual({ q: '罐', status: 'open', page: 3, pageSize: 50, sort: 'createdAt:desc' });
  });

  it('a new filter goes back to page 1 and keeps the rest; reset clears the filters', async () => {
    const user = userEvent.setup();
    const { router } = renderKit(<Page />, { url: '/x?status=open&page=3' });
    await user.type(screen.getByRole('searchbox'), '液位{Enter}');
    let p = new URLSearchParams(router.state.location.search);
    expect([p.get('q'), p.get('status'), p.get('page')]).toEqual(['液位', 'open', null]);
    await user.click(screen.getByRole('button', { name: /重\s*置/ }));
    p = new URLSearchParams(router.state.location.search);
    expect([p.get('q'), p.get('status')]).toEqual([null, null]);
    expect(screen.queryByRole('button', { name: /重\s*置/ })).toBeNull();
  });
});

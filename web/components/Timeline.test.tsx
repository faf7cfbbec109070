import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from '../lib/format';
import { renderKit } from '../test/render';
import { Timeline } from './Timeline';

describe('Beijing time', () => {
  it('formats an instant in Beijing time whatever the zone it is written in', () => {
    expect(formatDateTime('2026-12-07T19:10:00.000Z')).toBe('2026-12-08 03:10');
    expect(formatDateTime('2026-12-08T03:10:00+08:00')).toBe('2026-12-08 03:10');
    // A hazard reported at 07:30 Beijing time is on that day, not the previous one (UTC).
    expect(formatDate('2026-03-04T23:30:00Z')).toBe('2026-03-05');
    expect(formatDate('2026-03-04')).toBe('2026-03-04');
    expect(formatDateTime(null)).toBe('');
  });
});

describe('Timeline', () => {
  it('shows each event with its action, note, Beijing time and actor, oldest first', () => {
    renderKit(
      <Timeline
        events={[
          { key: '1', action: '上报', at: '2026-12-07T16:05:00Z', actor: '张三', note: '配电室门未关\n已临时上锁' },
          { key: '2', action: '确认', at: '2026-12-08T01:00:00Z', actor: '李四' },
        ]}
      />,
    );
    const events = screen.getAllByTestId('timeline-event');
    expect(events.map((e) => e.textContent)).toEqual(['上报配电室门未关\n已临时上锁2026-12-08 00:05 · 张三', '确认2026-12-08 09:00 · 李四']);
  });

  it('can put the newest first and says when there is nothing', () => {
    const { unmount } = renderKit(
      <Timeline
        newestFirst
        events={[
          { key: '1', action: 'A', at: '2026-01-01T00:00:00Z' },
          { key: '2', action: 'B', at: '2026-01-02T00:00:00Z' },
        ]}
      />,
    );
    expect(screen.getAllByTestId('timeline-event').map((e) => e.textContent?.[0])).toEqual(['B', 'A']);
    unmount();
    renderKit(<Timeline events={[]} />);
    expect(screen.getByText('暂无记录')).toBeTruthy();
  });
});

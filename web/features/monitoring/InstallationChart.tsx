import { Empty, Spin } from 'antd';
import { useEffect, useRef } from 'react';
import { useI18n } from '../../i18n';
import type { InstallationTrend } from './api';
import { axisReaching } from './chart-scale';
import { LIMIT_LINES, useEChart } from './use-echart';

const AXIS_OFFSET = 58;
const LABEL_AT = ['insideStartTop', 'insideEndTop', 'insideMiddleTop'] as const;

/**
 * An installation's sensors in one ECharts chart: one line per sensor, one y-axis per unit (the first on
 * the left, the others stacked on the right), and each unit's limits once as dashed lines on its axis
 * (e.g. 报警 1.0 / 断电 1.5 %CH4 for the face's T0, T1, T2).
 */
export function InstallationChart({ trend, height = 380 }: { trend: InstallationTrend | undefined; height?: number }) {
  const { t } = useI18n();
  const el = useRef<HTMLDivElement>(null);
  const chart = useEChart(el);

  useEffect(() => {
    const c = chart;
    if (!c || !trend) return;
    const units = [...new Set(trend.series.map((s) => s.sensor.unit))];
    // Each unit's limits once: sensors of one unit often share them (T0/T1 报警 1.0, 断电 1.5).
    const limits = new Map<string, Map<number, { names: string[]; color: string }>>();
    for (const { sensor } of trend.series) {
      const m = limits.get(sensor.unit) ?? new Map<number, { names: string[]; color: string }>();
      for (const l of LIMIT_LINES) {
        const v = sensor.rules[l.key];
        if (typeof v !== 'number') continue;
        const at = m.get(v) ?? { names: [], color: l.color };
        const name = t(l.label);
        if (!at.names.includes(name)) at.names.push(name);
        m.set(v, at);
      }
      limits.set(sensor.unit, m);
    }
    const unitOf = new Map(trend.series.map((s) => [s.sensor.name, s.sensor.unit]));
    const marked = new Set<string>();
    const rollup = trend.resolution === 'rollup';
    c.setOption(
      {
        animation: false,
        legend: { type: 'scroll', top: 0 },
        grid: { left: 56, right: 24 + Math.max(0, units.length - 1) * AXIS_OFFSET, top: 60, bottom: 56 },
        tooltip: {
          trigger: 'axis',
          formatter: (params: { marker: string; seriesName: string; value: [string, number]; axisValueLabel: string }[]) =>
            [
              params[0]?.axisValueLabel ?? '',
              ...params.map((p) => `${p.marker}${p.seriesName}: ${typeof p.value[1] === 'number' ? p.value[1] : '—'} ${unitOf.get(p.seriesName) ?? ''}`),
            ].join('<br/>'),
        },
        xAxis: { type: 'time', min: trend.from, max: trend.to, axisLabel: { hideOverlap: true } },
        yAxis: units.map((u, i) => {
          return {
            type: 'value',
            scale: true,
            name: u,
            position: i === 0 ? 'left' : 'right',
            offset: i === 0 ? 0 : (i - 1) * AXIS_OFFSET,
            alignTicks: false,
            splitLine: { show: i === 0 },
            axisLine: { show: i > 0 },
            ...axisReaching([...(limits.get(u)?.keys() ?? [])]),
          };
        }),
        dataZoom: [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 8 }],
        series: trend.series.map(({ sensor, items }) => {
          const first = !marked.has(sensor.unit);
          marked.add(sensor.unit);
          const lines = first ? [...(limits.get(sensor.unit)?.entries() ?? [])] : [];
          return {
            type: 'line',
            name: sensor.name,
            yAxisIndex: units.indexOf(sensor.unit),
            showSymbol: items.length < 60,
            data: items.map((r) => [r.ts, r.value]),
            lineStyle: { width: 1.5 },
            ...(rollup ? {} : { sampling: 'lttb' }),
            markLine: lines.length
              ? {
                  symbol: 'none',
                  silent: true,
                  data: lines.map(([v, l]) => ({
                    yAxis: v,
                    lineStyle: { color: l.color, type: 'dashed' },
                    // Each axis labels its lines at its own place along the width, so they do not stack on one another.
                    label: { formatter: `${l.names.join('/')} ${v} ${sensor.unit}`, color: l.color, position: LABEL_AT[units.indexOf(sensor.unit) % 3] },
                  })),
                }
              : undefined,
          };
        }),
      },
      true,
    );
  }, [chart, trend, t]);

  const empty = trend?.series.every((s) => s.items.length === 0);
  return (
    <div style={{ position: 'relative', width: '100%', height }}>
      <div ref={el} style={{ width: '100%', height }} />
      {!chart ? <Spin style={{ position: 'absolute', inset: 0, margin: 'auto', height: 32 }} /> : null}
      {chart && empty ? <Empty style={{ position: 'absolute', inset: 0, paddingTop: height / 3 }} description={t('mon.sensor.noData')} /> : null}
    </div>
  );
}

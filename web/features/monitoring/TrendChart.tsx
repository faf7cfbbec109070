import { Empty, Spin } from 'antd';
import { useEffect, useRef } from 'react';
import type { TSensorRules } from '../../../common/contracts/monitoring';
import { useI18n } from '../../i18n';
import type { ReadingSeries } from './api';
import { axisReaching } from './chart-scale';
import { LIMIT_LINES, useEChart } from './use-echart';

/** A sensor's trend (ECharts, loaded on first use) with its alarm and power-off limits as lines. */
export function TrendChart({
  series,
  rules,
  unit,
  height = 320,
  highlight,
  only,
}: {
  series: ReadingSeries | undefined;
  rules: TSensorRules;
  unit: string;
  height?: number;
  /** A shaded period, e.g. an alarm from its raise to its clear (or now). */
  highlight?: { from: string; to: string; label: string };
  /** Only these limits as lines (e.g. the one an alarm crossed); default all. */
  only?: readonly (keyof TSensorRules)[];
}) {
  const { t } = useI18n();
  const el = useRef<HTMLDivElement>(null);
  const chart = useEChart(el);

  useEffect(() => {
    const c = chart;
    if (!c || !series) return;
    const data = series.items.map((r) => [r.ts, r.value]);
    const limits = LIMIT_LINES.filter((l) => rules[l.key] !== undefined && (!only || only.includes(l.key))).map((l) => ({
      name: t(l.label),
      yAxis: rules[l.key] as number,
      color: l.color,
    }));
    const rollup = series.resolution === 'rollup';
    c.setOption(
      {
        animation: false,
        grid: { left: 48, right: 24, top: 24, bottom: 56 },
        tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => `${typeof v === 'number' ? v.toFixed(3) : v} ${unit}` },
        xAxis: { type: 'time', min: series.from, max: series.to, axisLabel: { hideOverlap: true } },
        yAxis: { type: 'value', scale: true, name: unit, ...axisReaching(limits.map((l) => l.yAxis)) },
        dataZoom: [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 8 }],
        series: [
          {
            type: 'line',
            name: t(rollup ? 'mon.sensor.rollup' : 'mon.sensor.raw'),
            showSymbol: data.length < 60,
            data,
            lineStyle: { width: 1.5 },
            markArea: highlight
              ? {
                  silent: true,
                  itemStyle: { color: 'rgba(250, 84, 28, 0.08)' },
                  label: { color: '#d4380d', position: 'insideTop' },
                  data: [[{ name: highlight.label, xAxis: highlight.from }, { xAxis: highlight.to }]],
                }
              : undefined,
            markLine: {
              symbol: 'none',
              silent: true,
              data: limits.map((l) => ({
                yAxis: l.yAxis,
                name: l.name,
                lineStyle: { color: l.color, type: 'dashed' },
                label: { formatter: `${l.name} ${l.yAxis}`, color: l.color, position: 'insideEndTop' },
              })),
            },
          },
        ],
      },
      true,
    );
  }, [chart, series, rules, unit, t, highlight, only]);

  return (
    <div style={{ position: 'relative', width: '100%', height }}>
      <div ref={el} style={{ width: '100%', height }} />
      {!chart ? <Spin style={{ position: 'absolute', inset: 0, margin: 'auto', height: 32 }} /> : null}
      {chart && series && series.items.length === 0 ? (
        <Empty style={{ position: 'absolute', inset: 0, paddingTop: height / 3 }} description={t('mon.sensor.noData')} />
      ) : null}
    </div>
  );
}

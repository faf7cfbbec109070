import { Empty, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { TSensorRules } from '../../../common/contracts/monitoring';
import { useI18n } from '../../i18n';
import type { ReadingSeries } from './api';
import { axisReaching } from './chart-scale';

type ECharts = typeof import('echarts/core');

/** A sensor's trend (ECharts, loaded on first use) with its alarm and power-off limits as lines. */
export function TrendChart({ series, rules, unit, height = 320 }: { series: ReadingSeries | undefined; rules: TSensorRules; unit: string; height?: number }) {
  const { t } = useI18n();
  const el = useRef<HTMLDivElement>(null);
  const [chart, setChart] = useState<ReturnType<ECharts['init']> | null>(null);
  const [lib, setLib] = useState<ECharts | null>(null);

  useEffect(() => {
    let alive = true;
    void import('./echarts-setup').then((m) => {
      if (alive) setLib(m.echarts);
    });
    return () => {
      alive = false;
    };
  }, []);

  useEffect(() => {
    if (!lib || !el.current) return;
    const c = lib.init(el.current);
    setChart(c);
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el.current);
    return () => {
      ro.disconnect();
      c.dispose();
      setChart(null);
    };
  }, [lib]);

  useEffect(() => {
    const c = chart;
    if (!c || !series) return;
    const data = series.items.map((r) => [r.ts, r.value]);
    const limits: { name: string; yAxis: number; color: string }[] = [];
    if (rules.high !== undefined) limits.push({ name: t('mon.alarm'), yAxis: rules.high, color: '#fa8c16' });
    if (rules.highHigh !== undefined) limits.push({ name: t('mon.rules.highHigh'), yAxis: rules.highHigh, color: '#f5222d' });
    if (rules.powerOff !== undefined) limits.push({ name: t('mon.powerOff'), yAxis: rules.powerOff, color: '#cf1322' });
    if (rules.low !== undefined) limits.push({ name: t('mon.rules.low'), yAxis: rules.low, color: '#fa8c16' });
    if (rules.lowLow !== undefined) limits.push({ name: t('mon.rules.lowLow'), yAxis: rules.lowLow, color: '#f5222d' });
    const rollup = series.resolution === 'rollup';
    c.setOption(
      {
        animation: false,
        grid: { left: 48, right: 64, top: 24, bottom: 56 },
        tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => `${typeof v === 'number' ? v.toFixed(3) : v} ${unit}` },
        xAxis: { type: 'time', min: series.from, max: series.to },
        yAxis: { type: 'value', scale: true, name: unit, ...axisReaching(limits.map((l) => l.yAxis)) },
        dataZoom: [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 8 }],
        series: [
          {
            type: 'line',
            name: t(rollup ? 'mon.sensor.rollup' : 'mon.sensor.raw'),
            showSymbol: data.length < 60,
            data,
            lineStyle: { width: 1.5 },
            markLine: {
              symbol: 'none',
              silent: true,
              data: limits.map((l) => ({
                yAxis: l.yAxis,
                name: l.name,
                lineStyle: { color: l.color, type: 'dashed' },
                label: { formatter: `${l.name} ${l.yAxis}`, color: l.color },
              })),
            },
          },
        ],
      },
      true,
    );
  }, [chart, series, rules, unit, t]);

  return (
    <div style={{ position: 'relative', width: '100%', height }}>
      <div ref={el} style={{ width: '100%', height }} />
      {!lib ? <Spin style={{ position: 'absolute', inset: 0, margin: 'auto', height: 32 }} /> : null}
      {lib && series && series.items.length === 0 ? (
        <Empty style={{ position: 'absolute', inset: 0, paddingTop: height / 3 }} description={t('mon.sensor.noData')} />
      ) : null}
    </div>
  );
}

import { type RefObject, useEffect, useState } from 'react';
import type { TSensorRules } from '../../../common/contracts/monitoring';
import type { MessageKey } from '../../i18n';

type ECharts = typeof import('echarts/core');
export type EChart = ReturnType<ECharts['init']>;

/** The limits drawn as dashed lines on the trends, most severe first (their labels stack in this order). */
export const LIMIT_LINES: { key: 'powerOff' | 'highHigh' | 'high' | 'low' | 'lowLow'; label: MessageKey; color: string }[] = [
  { key: 'powerOff', label: 'mon.powerOff', color: '#cf1322' },
  { key: 'highHigh', label: 'mon.rules.highHigh', color: '#f5222d' },
  { key: 'high', label: 'mon.alarm', color: '#fa8c16' },
  { key: 'low', label: 'mon.rules.low', color: '#fa8c16' },
  { key: 'lowLow', label: 'mon.rules.lowLow', color: '#f5222d' },
] satisfies { key: keyof TSensorRules; label: MessageKey; color: string }[];

/**
 * An ECharts instance on `el`: the library is loaded on first use (its own chunk, kept out of the pages
 * without charts), follows the element's size and is disposed with the component. null until ready.
 */
export function useEChart(el: RefObject<HTMLDivElement | null>): EChart | null {
  const [chart, setChart] = useState<EChart | null>(null);
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
  }, [lib, el]);

  return chart;
}

/**
 * Axis options that keep limit lines in view (a markLine does not widen its axis): the limits join the
 * data extent (ECharts 6 dataMin/dataMax), and ECharts still picks readable ends and ticks.
 */
export function axisReaching(limits: number[]): { dataMin?: number; dataMax?: number } {
  return limits.length ? { dataMin: Math.min(...limits), dataMax: Math.max(...limits) } : {};
}

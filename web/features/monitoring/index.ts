// The monitoring feature's public surface (dependency-cruiser: web-features-meet-through-index).
export { type TSensor, useReadings, useSensor } from './api';
export { LevelTag, typeKey } from './labels';
export { TrendChart } from './TrendChart';

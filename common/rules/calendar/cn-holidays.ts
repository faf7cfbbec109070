/**
 * China's public-holiday arrangement (法定节假日 and 调休 make-up workdays), 2020–2026.
 * One row per date: 'holiday' = official day off (may fall on a weekend inside a block);
 * 'workday' = weekend day that is a working day to compensate for the named festival.
 * Dates not listed follow the ordinary Mon–Fri week. Data is checked against the
 * State Council notices cited in CN_HOLIDAYS_SOURCE; extend it yearly when the next
 * notice is published (usually in Oct–Dec).
 */

export interface CalendarDay {
  /** Civil date in China (Asia/Shanghai), YYYY-MM-DD. */
  date: string;
  kind: 'holiday' | 'workday';
  /** Festival name as written in the notice, e.g. '春节'; for 'workday', the festival compensated. */
  name: string;
  nameEn: string;
}

/** Years fully covered by CN_HOLIDAYS. Outside this range only weekends are known. */
export const CN_HOLIDAYS_FIRST_YEAR = 2020;
export const CN_HOLIDAYS_LAST_YEAR = 2026;

export const CN_HOLIDAYS_SOURCE: Readonly<Record<number, readonly string[]>> = {
  2020: ['国务院办公厅关于2020年部分节假日安排的通知（国办发明电〔2019〕16号）', '国务院办公厅关于延长2020年春节假期的通知（国办发明电〔2020〕1号）'],
  2021: ['国务院办公厅关于2021年部分节假日安排的通知（国办发明电〔2020〕27号）'],
  2022: ['国务院办公厅关于2022年部分节假日安排的通知（国办发明电〔2021〕11号）'],
  2023: ['国务院办公厅关于2023年部分节假日安排的通知（国办发明电〔2022〕16号）'],
  2024: ['国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号）'],
  2025: ['国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）'],
  2026: ['国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号）'],
};

type Festival = Pick<CalendarDay, 'name' | 'nameEn'>;

const NEW_YEAR: Festival = { name: '元旦', nameEn: "New Year's Day" };
const SPRING: Festival = { name: '春节', nameEn: 'Spring Festival' };
const QINGMING: Festival = { name: '清明节', nameEn: 'Qingming Festival' };
const LABOUR: Festival = { name: '劳动节', nameEn: 'Labour Day' };
const DRAGON_BOAT: Festival = { name: '端午节', nameEn: 'Dragon Boat Festival' };
const MID_AUTUMN: Festival = { name: '中秋节', nameEn: 'Mid-Autumn Festival' };
const NATIONAL: Festival = { name: '国庆节', nameEn: 'National Day' };
// Merged 8-day blocks keep the notice's own wording and order.
const NATIONAL_MID_AUTUMN: Festival = { name: '国庆节、中秋节', nameEn: 'National Day and Mid-Autumn Festival' };
const MID_AUTUMN_NATIONAL: Festival = { name: '中秋节、国庆节', nameEn: 'Mid-Autumn Festival and National Day' };

const off = (date: string, f: Festival): CalendarDay => ({ date, kind: 'holiday', ...f });
const work = (date: string, f: Festival): CalendarDay => ({ date, kind: 'workday', ...f });

/** Sorted by date; trailing comments give the weekday for auditing. */
export const CN_HOLIDAYS: readonly CalendarDay[] = Object.freeze([
  // 2020 — 国办发明电〔2019〕16号, as amended by 国办发明电〔2020〕1号 (COVID-19):
  // Spring Festival extended from 1-24..1-30 to 1-24..2-02, so the 2-01 (Sat) make-up
  // workday in the original notice became a day off. 1-31..2-02 are recorded as holidays
  // for scheduling; for overtime pay they were rest days (休息日), not statutory holidays.
  // Several provinces delayed work resumption further (to 2-09); add those as admin rows.
  off('2020-01-01', NEW_YEAR), // Wed
  work('2020-01-19', SPRING), // Sun
  off('2020-01-24', SPRING), // Fri
  off('2020-01-25', SPRING), // Sat
  off('2020-01-26', SPRING), // Sun
  off('2020-01-27', SPRING), // Mon
  off('2020-01-28', SPRING), // Tue
  off('2020-01-29', SPRING), // Wed
  off('2020-01-30', SPRING), // Thu
  off('2020-01-31', SPRING), // Fri
  off('2020-02-01', SPRING), // Sat
  off('2020-02-02', SPRING), // Sun
  off('2020-04-04', QINGMING), // Sat
  off('2020-04-05', QINGMING), // Sun
  off('2020-04-06', QINGMING), // Mon
  work('2020-04-26', LABOUR), // Sun
  off('2020-05-01', LABOUR), // Fri
  off('2020-05-02', LABOUR), // Sat
  off('2020-05-03', LABOUR), // Sun
  off('2020-05-04', LABOUR), // Mon
  off('2020-05-05', LABOUR), // Tue
  work('2020-05-09', LABOUR), // Sat
  off('2020-06-25', DRAGON_BOAT), // Thu
  off('2020-06-26', DRAGON_BOAT), // Fri
  off('2020-06-27', DRAGON_BOAT), // Sat
  work('2020-06-28', DRAGON_BOAT), // Sun
  work('2020-09-27', NATIONAL_MID_AUTUMN), // Sun
  off('2020-10-01', NATIONAL_MID_AUTUMN), // Thu
  off('2020-10-02', NATIONAL_MID_AUTUMN), // Fri
  off('2020-10-03', NATIONAL_MID_AUTUMN), // Sat
  off('2020-10-04', NATIONAL_MID_AUTUMN), // Sun
  off('2020-10-05', NATIONAL_MID_AUTUMN), // Mon
  off('2020-10-06', NATIONAL_MID_AUTUMN), // Tue
  off('2020-10-07', NATIONAL_MID_AUTUMN), // Wed
  off('2020-10-08', NATIONAL_MID_AUTUMN), // Thu
  work('2020-10-10', NATIONAL_MID_AUTUMN), // Sat
  // 2021 — 国办发明电〔2020〕27号
  off('2021-01-01', NEW_YEAR), // Fri
  off('2021-01-02', NEW_YEAR), // Sat
  off('2021-01-03', NEW_YEAR), // Sun
  work('2021-02-07', SPRING), // Sun
  off('2021-02-11', SPRING), // Thu
  off('2021-02-12', SPRING), // Fri
  off('2021-02-13', SPRING), // Sat
  off('2021-02-14', SPRING), // Sun
  off('2021-02-15', SPRING), // Mon
  off('2021-02-16', SPRING), // Tue
  off('2021-02-17', SPRING), // Wed
  work('2021-02-20', SPRING), // Sat
  off('2021-04-03', QINGMING), // Sat
  off('2021-04-04', QINGMING), // Sun
  off('2021-04-05', QINGMING), // Mon
  work('2021-04-25', LABOUR), // Sun
  off('2021-05-01', LABOUR), // Sat
  off('2021-05-02', LABOUR), // Sun
  off('2021-05-03', LABOUR), // Mon
  off('2021-05-04', LABOUR), // Tue
  off('2021-05-05', LABOUR), // Wed
  work('2021-05-08', LABOUR), // Sat
  off('2021-06-12', DRAGON_BOAT), // Sat
  off('2021-06-13', DRAGON_BOAT), // Sun
  off('2021-06-14', DRAGON_BOAT), // Mon
  work('2021-09-18', MID_AUTUMN), // Sat
  off('2021-09-19', MID_AUTUMN), // Sun
  off('2021-09-20', MID_AUTUMN), // Mon
  off('2021-09-21', MID_AUTUMN), // Tue
  work('2021-09-26', NATIONAL), // Sun
  off('2021-10-01', NATIONAL), // Fri
  off('2021-10-02', NATIONAL), // Sat
  off('2021-10-03', NATIONAL), // Sun
  off('2021-10-04', NATIONAL), // Mon
  off('2021-10-05', NATIONAL), // Tue
  off('2021-10-06', NATIONAL), // Wed
  off('2021-10-07', NATIONAL), // Thu
  work('2021-10-09', NATIONAL), // Sat
  // 2022 — 国办发明电〔2021〕11号
  off('2022-01-01', NEW_YEAR), // Sat
  off('2022-01-02', NEW_YEAR), // Sun
  off('2022-01-03', NEW_YEAR), // Mon
  work('2022-01-29', SPRING), // Sat
  work('2022-01-30', SPRING), // Sun
  off('2022-01-31', SPRING), // Mon
  off('2022-02-01', SPRING), // Tue
  off('2022-02-02', SPRING), // Wed
  off('2022-02-03', SPRING), // Thu
  off('2022-02-04', SPRING), // Fri
  off('2022-02-05', SPRING), // Sat
  off('2022-02-06', SPRING), // Sun
  work('2022-04-02', QINGMING), // Sat
  off('2022-04-03', QINGMING), // Sun
  off('2022-04-04', QINGMING), // Mon
  off('2022-04-05', QINGMING), // Tue
  work('2022-04-24', LABOUR), // Sun
  off('2022-04-30', LABOUR), // Sat
  off('2022-05-01', LABOUR), // Sun
  off('2022-05-02', LABOUR), // Mon
  off('2022-05-03', LABOUR), // Tue
  off('2022-05-04', LABOUR), // Wed
  work('2022-05-07', LABOUR), // Sat
  off('2022-06-03', DRAGON_BOAT), // Fri
  off('2022-06-04', DRAGON_BOAT), // Sat
  off('2022-06-05', DRAGON_BOAT), // Sun
  off('2022-09-10', MID_AUTUMN), // Sat
  off('2022-09-11', MID_AUTUMN), // Sun
  off('2022-09-12', MID_AUTUMN), // Mon
  off('2022-10-01', NATIONAL), // Sat
  off('2022-10-02', NATIONAL), // Sun
  off('2022-10-03', NATIONAL), // Mon
  off('2022-10-04', NATIONAL), // Tue
  off('2022-10-05', NATIONAL), // Wed
  off('2022-10-06', NATIONAL), // Thu
  off('2022-10-07', NATIONAL), // Fri
  work('2022-10-08', NATIONAL), // Sat
  work('2022-10-09', NATIONAL), // Sun
  // 2023 — 国办发明电〔2022〕16号 (元旦 starts 2022-12-31, so that row sits here)
  off('2022-12-31', NEW_YEAR), // Sat
  off('2023-01-01', NEW_YEAR), // Sun
  off('2023-01-02', NEW_YEAR), // Mon
  off('2023-01-21', SPRING), // Sat
  off('2023-01-22', SPRING), // Sun
  off('2023-01-23', SPRING), // Mon
  off('2023-01-24', SPRING), // Tue
  off('2023-01-25', SPRING), // Wed
  off('2023-01-26', SPRING), // Thu
  off('2023-01-27', SPRING), // Fri
  work('2023-01-28', SPRING), // Sat
  work('2023-01-29', SPRING), // Sun
  off('2023-04-05', QINGMING), // Wed
  work('2023-04-23', LABOUR), // Sun
  off('2023-04-29', LABOUR), // Sat
  off('2023-04-30', LABOUR), // Sun
  off('2023-05-01', LABOUR), // Mon
  off('2023-05-02', LABOUR), // Tue
  off('2023-05-03', LABOUR), // Wed
  work('2023-05-06', LABOUR), // Sat
  off('2023-06-22', DRAGON_BOAT), // Thu
  off('2023-06-23', DRAGON_BOAT), // Fri
  off('2023-06-24', DRAGON_BOAT), // Sat
  work('2023-06-25', DRAGON_BOAT), // Sun
  off('2023-09-29', MID_AUTUMN_NATIONAL), // Fri
  off('2023-09-30', MID_AUTUMN_NATIONAL), // Sat
  off('2023-10-01', MID_AUTUMN_NATIONAL), // Sun
  off('2023-10-02', MID_AUTUMN_NATIONAL), // Mon
  off('2023-10-03', MID_AUTUMN_NATIONAL), // Tue
  off('2023-10-04', MID_AUTUMN_NATIONAL), // Wed
  off('2023-10-05', MID_AUTUMN_NATIONAL), // Thu
  off('2023-10-06', MID_AUTUMN_NATIONAL), // Fri
  work('2023-10-07', MID_AUTUMN_NATIONAL), // Sat
  work('2023-10-08', MID_AUTUMN_NATIONAL), // Sun
  // 2024 — 国办发明电〔2023〕7号
  off('2024-01-01', NEW_YEAR), // Mon
  work('2024-02-04', SPRING), // Sun
  off('2024-02-10', SPRING), // Sat
  off('2024-02-11', SPRING), // Sun
  off('2024-02-12', SPRING), // Mon
  off('2024-02-13', SPRING), // Tue
  off('2024-02-14', SPRING), // Wed
  off('2024-02-15', SPRING), // Thu
  off('2024-02-16', SPRING), // Fri
  off('2024-02-17', SPRING), // Sat
  work('2024-02-18', SPRING), // Sun
  off('2024-04-04', QINGMING), // Thu
  off('2024-04-05', QINGMING), // Fri
  off('2024-04-06', QINGMING), // Sat
  work('2024-04-07', QINGMING), // Sun
  work('2024-04-28', LABOUR), // Sun
  off('2024-05-01', LABOUR), // Wed
  off('2024-05-02', LABOUR), // Thu
  off('2024-05-03', LABOUR), // Fri
  off('2024-05-04', LABOUR), // Sat
  off('2024-05-05', LABOUR), // Sun
  work('2024-05-11', LABOUR), // Sat
  off('2024-06-10', DRAGON_BOAT), // Mon
  work('2024-09-14', MID_AUTUMN), // Sat
  off('2024-09-15', MID_AUTUMN), // Sun
  off('2024-09-16', MID_AUTUMN), // Mon
  off('2024-09-17', MID_AUTUMN), // Tue
  work('2024-09-29', NATIONAL), // Sun
  off('2024-10-01', NATIONAL), // Tue
  off('2024-10-02', NATIONAL), // Wed
  off('2024-10-03', NATIONAL), // Thu
  off('2024-10-04', NATIONAL), // Fri
  off('2024-10-05', NATIONAL), // Sat
  off('2024-10-06', NATIONAL), // Sun
  off('2024-10-07', NATIONAL), // Mon
  work('2024-10-12', NATIONAL), // Sat
  // 2025 — 国办发明电〔2024〕12号; first year under the 2024 revision of the
  // 放假办法 (+1 day each for 春节 and 劳动节: 除夕 and 5-02 become statutory).
  off('2025-01-01', NEW_YEAR), // Wed
  work('2025-01-26', SPRING), // Sun
  off('2025-01-28', SPRING), // Tue
  off('2025-01-29', SPRING), // Wed
  off('2025-01-30', SPRING), // Thu
  off('2025-01-31', SPRING), // Fri
  off('2025-02-01', SPRING), // Sat
  off('2025-02-02', SPRING), // Sun
  off('2025-02-03', SPRING), // Mon
  off('2025-02-04', SPRING), // Tue
  work('2025-02-08', SPRING), // Sat
  off('2025-04-04', QINGMING), // Fri
  off('2025-04-05', QINGMING), // Sat
  off('2025-04-06', QINGMING), // Sun
  work('2025-04-27', LABOUR), // Sun
  off('2025-05-01', LABOUR), // Thu
  off('2025-05-02', LABOUR), // Fri
  off('2025-05-03', LABOUR), // Sat
  off('2025-05-04', LABOUR), // Sun
  off('2025-05-05', LABOUR), // Mon
  off('2025-05-31', DRAGON_BOAT), // Sat
  off('2025-06-01', DRAGON_BOAT), // Sun
  off('2025-06-02', DRAGON_BOAT), // Mon
  work('2025-09-28', NATIONAL_MID_AUTUMN), // Sun
  off('2025-10-01', NATIONAL_MID_AUTUMN), // Wed
  off('2025-10-02', NATIONAL_MID_AUTUMN), // Thu
  off('2025-10-03', NATIONAL_MID_AUTUMN), // Fri
  off('2025-10-04', NATIONAL_MID_AUTUMN), // Sat
  off('2025-10-05', NATIONAL_MID_AUTUMN), // Sun
  off('2025-10-06', NATIONAL_MID_AUTUMN), // Mon
  off('2025-10-07', NATIONAL_MID_AUTUMN), // Tue
  off('2025-10-08', NATIONAL_MID_AUTUMN), // Wed
  work('2025-10-11', NATIONAL_MID_AUTUMN), // Sat
  // 2026 — 国办发明电〔2025〕7号 (published 2025-11-04)
  off('2026-01-01', NEW_YEAR), // Thu
  off('2026-01-02', NEW_YEAR), // Fri
  off('2026-01-03', NEW_YEAR), // Sat
  work('2026-01-04', NEW_YEAR), // Sun
  work('2026-02-14', SPRING), // Sat
  off('2026-02-15', SPRING), // Sun
  off('2026-02-16', SPRING), // Mon
  off('2026-02-17', SPRING), // Tue
  off('2026-02-18', SPRING), // Wed
  off('2026-02-19', SPRING), // Thu
  off('2026-02-20', SPRING), // Fri
  off('2026-02-21', SPRING), // Sat
  off('2026-02-22', SPRING), // Sun
  off('2026-02-23', SPRING), // Mon
  work('2026-02-28', SPRING), // Sat
  off('2026-04-04', QINGMING), // Sat
  off('2026-04-05', QINGMING), // Sun
  off('2026-04-06', QINGMING), // Mon
  off('2026-05-01', LABOUR), // Fri
  off('2026-05-02', LABOUR), // Sat
  off('2026-05-03', LABOUR), // Sun
  off('2026-05-04', LABOUR), // Mon
  off('2026-05-05', LABOUR), // Tue
  work('2026-05-09', LABOUR), // Sat
  off('2026-06-19', DRAGON_BOAT), // Fri
  off('2026-06-20', DRAGON_BOAT), // Sat
  off('2026-06-21', DRAGON_BOAT), // Sun
  work('2026-09-20', NATIONAL), // Sun
  off('2026-09-25', MID_AUTUMN), // Fri
  off('2026-09-26', MID_AUTUMN), // Sat
  off('2026-09-27', MID_AUTUMN), // Sun
  off('2026-10-01', NATIONAL), // Thu
  off('2026-10-02', NATIONAL), // Fri
  off('2026-10-03', NATIONAL), // Sat
  off('2026-10-04', NATIONAL), // Sun
  off('2026-10-05', NATIONAL), // Mon
  off('2026-10-06', NATIONAL), // Tue
  off('2026-10-07', NATIONAL), // Wed
  work('2026-10-10', NATIONAL), // Sat
]);

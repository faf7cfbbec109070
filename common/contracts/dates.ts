import { z } from 'zod';
import { isCalendarDate, isSaneInstant, MAX_YEAR, MIN_YEAR } from '../validators/dates.js';

/** The one date and time schemas of every contract and route (common/validators/dates.ts says why). */
export const ZDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date' })
  .refine(isCalendarDate, { message: 'date' });

export const ZInstant = z
  .string()
  .datetime({ offset: true, message: 'invalid_format' })
  .refine(isSaneInstant, { message: 'datetime', params: { min: MIN_YEAR, max: MAX_YEAR } });

/** A year of work plans and statistics periods. */
export const ZYear = z.number().int().min(MIN_YEAR).max(MAX_YEAR);

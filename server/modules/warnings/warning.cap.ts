import { WARNING_EVENTS } from '../../../common/contracts/warnings.js';
import { buildCap, type CapAlert, capTime, dtdProblem, GEOCODE_GB2260, LEVEL_PARAMETER, LEVEL_ZH, parseCap, type WarningLevel } from './cap/cap.js';
import type { WarningArea } from './queries/match-area.js';
import type { WarningRow } from './warning.repository.js';

/** The CAP message of a warning row as Taihang writes it (zh-CN info, colour parameter, area). */
export function capOfRow(
  w: Pick<
    WarningRow,
    | 'identifier'
    | 'sender'
    | 'sent'
    | 'msgType'
    | 'capStatus'
    | 'capScope'
    | 'references'
    | 'eventType'
    | 'level'
    | 'severity'
    | 'urgency'
    | 'certainty'
    | 'effective'
    | 'expires'
    | 'issuerName'
    | 'headline'
    | 'description'
    | 'instruction'
    | 'area'
  >,
  note?: string,
): CapAlert {
  const area = w.area as WarningArea;
  const event = WARNING_EVENTS.find((e) => e.key === w.eventType);
  return {
    identifier: w.identifier,
    sender: w.sender,
    sent: w.sent,
    status: w.capStatus as CapAlert['status'],
    msgType: w.msgType as CapAlert['msgType'],
    scope: w.capScope as CapAlert['scope'],
    restriction: w.capScope === 'Restricted' ? '仅限安全生产监管部门和相关企业' : undefined,
    note,
    references: w.references ?? undefined,
    infos: [
      {
        language: 'zh-CN',
        category: [event?.category ?? 'Safety'],
        event: w.eventType,
        responseType: w.msgType === 'Cancel' ? ['AllClear'] : ['Prepare', 'Avoid'],
        urgency: w.urgency,
        severity: w.severity,
        certainty: w.certainty,
        eventCodes: [],
        effective: capTime(w.effective),
        expires: w.expires ? capTime(w.expires) : undefined,
        senderName: w.issuerName,
        headline: w.headline,
        description: w.description,
        instruction: w.instruction || undefined,
        parameters: w.level ? [{ valueName: LEVEL_PARAMETER, value: LEVEL_ZH[w.level as WarningLevel] }] : [],
        areas: [
          {
            areaDesc: area.areaDesc,
            polygons: area.polygons,
            circles: [],
            geocodes: area.regionCodes.map((value) => ({ valueName: GEOCODE_GB2260, value })),
          },
        ],
      },
    ],
  };
}

/**
 * A stored warning's CAP as the public endpoints republish it: rebuilt from its parsed fields (escaped on the way
 * out), never the stored text itself, so no imported markup, DTD or entity reaches a public document. A row whose
 * text cannot be read that way (imported with a DTD before DTDs were refused) is written from its stored columns.
 * An imported message's signature is not carried (the message is ours as republished).
 */
export function publicCap(w: WarningRow): CapAlert {
  if (!dtdProblem(w.rawXml))
    try {
      return parseCap(w.rawXml);
    } catch {
      // fall through to the stored columns
    }
  return capOfRow(w);
}

/** The republished document (with its XML declaration). */
export const publicCapXml = (w: WarningRow): string => buildCap(publicCap(w));

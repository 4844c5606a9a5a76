import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';

export interface CalendarMeeting {
  id: string;
  tenantId: string;
  title: string;
  ownerName: string;
  frame: string;
  startsAt: Date;
  endsAt: Date;
  place: string | null;
  videoUrl: string | null;
  sequence: number;
  cancelled: boolean;
}

/** The event's UID: stable for the meeting's whole life, so a calendar replaces or removes the event it holds. */
export const meetingUid = (m: { id: string }) => `${m.id}@meetings.cpts`;

/**
 * The meeting as an iCalendar (RFC 5545) invitation: METHOD:REQUEST for an
 * invitation or an update (a higher SEQUENCE replaces the event), CANCEL
 * when it is cancelled. Times in UTC: the calendar shows them in the reader's zone.
 */
export function meetingCalendar(
  m: CalendarMeeting,
  organizer: { name: string; email: string },
): { method: 'REQUEST' | 'CANCEL'; ics: string } {
  const method = m.cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST;
  const calendar = ical({ prodId: { company: 'CPTS', product: 'plateforme', language: 'FR' }, method });
  calendar.createEvent({
    id: meetingUid(m),
    sequence: m.sequence,
    // In UTC (DTSTART:...Z), which every calendar shows in its own zone. ical-generator labels a Date with
    // `timezone` but writes the process's local clock time: on a server not set to Paris, an hour off.
    start: m.startsAt,
    end: m.endsAt,
    summary: `${m.title} (${m.ownerName})`,
    description:
      [m.frame ? `Cadre du groupe : ${m.frame}` : '', m.videoUrl ? `Visioconférence : ${m.videoUrl}` : ''].filter(Boolean).join('\n\n') ||
      undefined,
    location: m.place ?? m.videoUrl ?? undefined,
    url: m.videoUrl ?? undefined,
    organizer,
    status: m.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  return { method: m.cancelled ? 'CANCEL' : 'REQUEST', ics: calendar.toString() };
}

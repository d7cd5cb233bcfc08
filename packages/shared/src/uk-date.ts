// Calendar days as UK people write them (17/05/1990) and as Harbour stores them (1990-05-17).
// Browsers show <input type="date"> in the machine's locale, often mm/dd/yyyy, so Harbour asks
// for dates as text in the UK order instead.

const UK_DAY = /^(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{4})$/;

/** "17/05/1990" or "17.5.1990" as "1990-05-17"; anything else is returned trimmed, for the schema to refuse. */
export function fromUkDate(typed: string): string {
  const match = typed.trim().match(UK_DAY);
  if (!match) return typed.trim();
  const [, day, month, year] = match;
  const iso = `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`;
  // 31/02/2000 is no day at all: leave it as typed so the schema says so.
  const check = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(check.getTime()) || check.toISOString().slice(0, 10) !== iso ? typed.trim() : iso;
}

/** "1990-05-17" as "17/05/1990". */
export function toUkDate(isoDay: string): string {
  const [year, month, day] = isoDay.split('-');
  return year && month && day ? `${day}/${month}/${year}` : isoDay;
}

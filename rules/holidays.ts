// Indonesian national public holidays (hari libur nasional), as set each year by the joint ministerial
// decree (SKB 3 Menteri) and by presidential decree for election days. This is operator-editable data:
// add a year, or correct a date, here; the working-day calendar reads nothing else. Collective leave
// days (cuti bersama) are not included. 2027 is projected from the lunar calendars until its SKB is out.

interface PublicHoliday {
  date: string;
  name: string;
}

const PUBLIC_HOLIDAY_LIST: readonly PublicHoliday[] = [
  { date: '2024-01-01', name: "New Year's Day" },
  { date: '2024-02-08', name: "Isra Mi'raj" },
  { date: '2024-02-10', name: 'Chinese New Year' },
  { date: '2024-02-14', name: 'General election day' },
  { date: '2024-03-11', name: 'Nyepi' },
  { date: '2024-03-29', name: 'Good Friday' },
  { date: '2024-03-31', name: 'Easter Sunday' },
  { date: '2024-04-10', name: 'Idul Fitri' },
  { date: '2024-04-11', name: 'Idul Fitri' },
  { date: '2024-05-01', name: 'Labour Day' },
  { date: '2024-05-09', name: 'Ascension of Jesus Christ' },
  { date: '2024-05-23', name: 'Vesak' },
  { date: '2024-06-01', name: 'Pancasila Day' },
  { date: '2024-06-17', name: 'Idul Adha' },
  { date: '2024-07-07', name: 'Islamic New Year' },
  { date: '2024-08-17', name: 'Independence Day' },
  { date: '2024-09-16', name: 'Birth of the Prophet Muhammad' },
  { date: '2024-11-27', name: 'Regional election day' },
  { date: '2024-12-25', name: 'Christmas Day' },

  { date: '2025-01-01', name: "New Year's Day" },
  { date: '2025-01-27', name: "Isra Mi'raj" },
  { date: '2025-01-29', name: 'Chinese New Year' },
  { date: '2025-03-29', name: 'Nyepi' },
  { date: '2025-03-31', name: 'Idul Fitri' },
  { date: '2025-04-01', name: 'Idul Fitri' },
  { date: '2025-04-18', name: 'Good Friday' },
  { date: '2025-04-20', name: 'Easter Sunday' },
  { date: '2025-05-01', name: 'Labour Day' },
  { date: '2025-05-12', name: 'Vesak' },
  { date: '2025-05-29', name: 'Ascension of Jesus Christ' },
  { date: '2025-06-01', name: 'Pancasila Day' },
  { date: '2025-06-06', name: 'Idul Adha' },
  { date: '2025-06-27', name: 'Islamic New Year' },
  { date: '2025-08-17', name: 'Independence Day' },
  { date: '2025-09-05', name: 'Birth of the Prophet Muhammad' },
  { date: '2025-12-25', name: 'Christmas Day' },

  { date: '2026-01-01', name: "New Year's Day" },
  { date: '2026-01-16', name: "Isra Mi'raj" },
  { date: '2026-02-17', name: 'Chinese New Year' },
  { date: '2026-03-19', name: 'Nyepi' },
  { date: '2026-03-20', name: 'Idul Fitri' },
  { date: '2026-03-21', name: 'Idul Fitri' },
  { date: '2026-04-03', name: 'Good Friday' },
  { date: '2026-04-05', name: 'Easter Sunday' },
  { date: '2026-05-01', name: 'Labour Day' },
  { date: '2026-05-14', name: 'Ascension of Jesus Christ' },
  { date: '2026-05-27', name: 'Idul Adha' },
  { date: '2026-05-31', name: 'Vesak' },
  { date: '2026-06-01', name: 'Pancasila Day' },
  { date: '2026-06-16', name: 'Islamic New Year' },
  { date: '2026-08-17', name: 'Independence Day' },
  { date: '2026-08-25', name: 'Birth of the Prophet Muhammad' },
  { date: '2026-12-25', name: 'Christmas Day' },

  { date: '2027-01-01', name: "New Year's Day" },
  { date: '2027-01-05', name: "Isra Mi'raj (projected)" },
  { date: '2027-02-06', name: 'Chinese New Year' },
  { date: '2027-03-09', name: 'Nyepi (projected)' },
  { date: '2027-03-10', name: 'Idul Fitri (projected)' },
  { date: '2027-03-11', name: 'Idul Fitri (projected)' },
  { date: '2027-03-26', name: 'Good Friday' },
  { date: '2027-03-28', name: 'Easter Sunday' },
  { date: '2027-05-01', name: 'Labour Day' },
  { date: '2027-05-06', name: 'Ascension of Jesus Christ' },
  { date: '2027-05-17', name: 'Idul Adha (projected)' },
  { date: '2027-05-20', name: 'Vesak (projected)' },
  { date: '2027-06-01', name: 'Pancasila Day' },
  { date: '2027-06-07', name: 'Islamic New Year (projected)' },
  { date: '2027-08-15', name: 'Birth of the Prophet Muhammad (projected)' },
  { date: '2027-08-17', name: 'Independence Day' },
  { date: '2027-12-25', name: 'Christmas Day' },
];

/** The holiday dates alone, the default for every working-day function. */
export const PUBLIC_HOLIDAYS: readonly string[] = PUBLIC_HOLIDAY_LIST.map((holiday) => holiday.date);

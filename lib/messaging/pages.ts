/** How many notes getContractor sends at first, and listNotes per page (issue 12, attack 8: a contractor with thousands of notes). */
export const NOTES_PAGE = 100;

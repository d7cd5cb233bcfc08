// What every screen says while the database is out of reach: the server sends it with a 503
// and the web shows the same words when the server itself cannot be reached.
export const DATABASE_UNAVAILABLE_MESSAGE = "Harbour can't reach its database; nothing you entered is lost.";

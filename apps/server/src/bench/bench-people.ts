import { scatter } from './bench-dice';

// Invented people for the benchmark. Names come from long, varied lists (British, Irish, South
// Asian, Polish, West African, Caribbean…), so a million cases hold tens of thousands of
// distinct names, each shared by a few dozen people, as a real national caseload does: a name
// search with a typo has to sift many close matches, not find the only one.

export const FIRST_NAMES = [
  'Aaron', 'Abdul', 'Ada', 'Adebayo', 'Agnieszka', 'Aisha', 'Alan', 'Alfie', 'Alice', 'Amara', 'Amelia', 'Amir', 'Andrea', 'Anita', 'Archie',
  'Arjun', 'Barry', 'Beatrice', 'Ben', 'Bilal', 'Bronwen', 'Callum', 'Carl', 'Caroline', 'Chidi', 'Chloe', 'Ciaran', 'Claire', 'Craig', 'Daniel',
  'Darren', 'David', 'Deborah', 'Dean', 'Deepa', 'Dominic', 'Donna', 'Dylan', 'Eilidh', 'Elena', 'Eleanor', 'Emeka', 'Emily', 'Emma', 'Ethan',
  'Fatima', 'Fiona', 'Gareth', 'Gemma', 'Grace', 'Hannah', 'Harriet', 'Hassan', 'Ian', 'Imran', 'Jack', 'Jacob', 'Jade', 'James', 'Jason',
  'Jennifer', 'Joanna', 'John', 'Jordan', 'Joseph', 'Julie', 'Kamal', 'Karen', 'Katarzyna', 'Kayleigh', 'Keith', 'Kelly', 'Kevin', 'Kwame',
  'Lee', 'Leah', 'Liam', 'Lisa', 'Lucy', 'Maria', 'Mark', 'Marcus', 'Matthew', 'Megan', 'Michael', 'Michelle', 'Mia', 'Nadia', 'Nathan',
  'Nicola', 'Noah', 'Oliver', 'Owen', 'Paul', 'Piotr', 'Priya', 'Rachel', 'Rajesh', 'Rebecca', 'Rhys', 'Richard', 'Robert', 'Ryan', 'Sadia',
  'Sam', 'Sarah', 'Scott', 'Sean', 'Shauna', 'Simon', 'Sinead', 'Sophie', 'Stephen', 'Stuart', 'Tariq', 'Thomas', 'Tom', 'Tomasz', 'Tyrone',
  'Victoria', 'Wayne', 'Zainab', 'Zoe',
] as const;

export const SURNAMES = [
  'Adams', 'Adeyemi', 'Ahmed', 'Akhtar', 'Allen', 'Anderson', 'Armstrong', 'Atkinson', 'Bailey', 'Baker', 'Ball', 'Banerjee', 'Barker', 'Barnes',
  'Bates', 'Bell', 'Bennett', 'Bevan', 'Bibi', 'Bird', 'Booth', 'Bradley', 'Brooks', 'Brown', 'Burns', 'Butler', 'Byrne', 'Campbell', 'Carter',
  'Chapman', 'Clarke', 'Cole', 'Collins', 'Cook', 'Cooper', 'Cox', 'Davies', 'Dixon', 'Doherty', 'Duffy', 'Edwards', 'Ellis', 'Evans', 'Fernandes',
  'Fisher', 'Fletcher', 'Foster', 'Fox', 'Francis', 'Gallagher', 'Gibson', 'Graham', 'Grant', 'Gray', 'Green', 'Griffiths', 'Hall', 'Hamilton',
  'Harris', 'Harrison', 'Hart', 'Hill', 'Holmes', 'Hughes', 'Hunt', 'Hussain', 'Jackson', 'James', 'Jenkins', 'Johnson', 'Jones', 'Kaur',
  'Kelly', 'Kennedy', 'Khan', 'King', 'Knight', 'Kowalczyk', 'Kumar', 'Lane', 'Lewis', 'Lloyd', 'Lynch', 'Mahmood', 'Marshall', 'Martin',
  'Mason', 'Matthews', 'McCarthy', 'McDonald', 'Mensah', 'Miller', 'Mills', 'Mitchell', 'Moore', 'Morgan', 'Morris', 'Murphy', 'Murray',
  'Nowak', 'Nwosu', "O'Brien", "O'Connor", 'Okafor', 'Owen', 'Palmer', 'Parker', 'Patel', 'Pearson', 'Phillips', 'Powell', 'Price', 'Quinn',
  'Rahman', 'Reid', 'Reynolds', 'Richards', 'Roberts', 'Robinson', 'Rogers', 'Rose', 'Russell', 'Ryan', 'Saunders', 'Scott', 'Shah',
  'Sharma', 'Shaw', 'Simpson', 'Singh', 'Smith', 'Spencer', 'Stevens', 'Stewart', 'Taylor', 'Thomas', 'Thompson', 'Turner', 'Walker',
  'Walsh', 'Ward', 'Watson', 'Webb', 'Wells', 'West', 'White', 'Wilkinson', 'Williams', 'Wilson', 'Wisniewski', 'Wood', 'Wright', 'Young',
] as const;

/** A name for person `number`, with its parts for email addresses and relatives. */
export function personName(number: number, salt: number): { first: string; surname: string } {
  const mixed = Math.imul(number ^ salt, 0x9e3779b1) >>> 0;
  return { first: FIRST_NAMES[mixed % FIRST_NAMES.length]!, surname: SURNAMES[(mixed >>> 12) % SURNAMES.length]! };
}

// UK mobile numbers, 07xxx xxxxxx: +447 and nine digits, each one valid to the app's phone
// check. Person `number` gets its own, scattered over 074, 075, 078 and 079 (four hundred
// million numbers, none reused); 07911 is not a mobile range, so those move to 07711, which
// nothing else uses here.
const MOBILE_BLOCK = 100_000_000;
const MOBILE_PREFIXES = ['4', '5', '8', '9'];

export function mobileNumber(number: number): string {
  const spread = scatter(number, MOBILE_PREFIXES.length * MOBILE_BLOCK, 387_420_489, 12_345_679);
  const phone = `+447${MOBILE_PREFIXES[Math.floor(spread / MOBILE_BLOCK)]}${String(spread % MOBILE_BLOCK).padStart(8, '0')}`;
  return phone.startsWith('+447911') ? `+447711${phone.slice(7)}` : phone;
}

export function emailAddress(first: string, surname: string, number: number): string {
  // example.com/.org/.net are reserved for examples: no real inbox gets a benchmark email.
  const domain = number % 3 === 0 ? 'example.com' : number % 3 === 1 ? 'example.org' : 'example.net';
  return `${first}.${surname}`.toLowerCase().replace(/[^a-z.]/g, '') + `${number % 10_000}@${domain}`;
}

// Callback references: CB- and six characters from the app's alphabet, one for each request.
const REFERENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const REFERENCE_SPAN = REFERENCE_ALPHABET.length ** 6;

export function callbackReference(number: number): string {
  let code = scatter(number, REFERENCE_SPAN, 282_475_249, 104_729);
  let text = '';
  for (let place = 0; place < 6; place += 1) {
    text = REFERENCE_ALPHABET[code % REFERENCE_ALPHABET.length] + text;
    code = Math.floor(code / REFERENCE_ALPHABET.length);
  }
  return `CB-${text}`;
}

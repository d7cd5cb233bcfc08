import { sql, type Kysely } from 'kysely';

// Name search at a million cases (docs/decisions/014). A trigram scan of "client + caller" for
// every case sharing a common surname took seconds; instead:
// - cases.search_words: the distinct words of the case's names (none once erased), GIN-indexed,
//   so several typed words meet in the intersection of a few posting lists;
// - case_name_words: one row per word of a case, newest first, so one typed word reads ten
//   index entries per candidate word however many thousands of people share it;
// - case_name_lexicon: each distinct word once, with how many cases use it, trigram-indexed,
//   so a typed word expands to the few real words it may mean (jon: john, joan, jones).
// Triggers keep the two tables in step with the names, including through erasure: a word no
// remaining case uses leaves the lexicon.

export async function up(db: Kysely<any>): Promise<void> {
  // Lower case, apostrophes dropped (O'Brien: obrien), split at spaces and punctuation, one
  // letter left out (an initial says too little to search by), each word once and sorted.
  // Used for the stored names and for what is typed, so both are cut up the same way.
  await sql`
    create function name_search_words(name text) returns text[]
    language sql immutable strict parallel safe
    as $$
      select coalesce(array_agg(distinct word order by word), '{}'::text[])
      from regexp_split_to_table(lower(translate(name, '''’', '')), '[[:space:][:punct:]]+') as word
      where length(word) >= 2
    $$
  `.execute(db);

  await sql`drop index cases_search_name_trgm_idx`.execute(db);
  await sql`alter table cases drop column search_name`.execute(db);
  await sql`
    alter table cases add column search_words text[] generated always as (
      case when erased_at is null then name_search_words(coalesce(client_name, '') || ' ' || caller_name) else '{}'::text[] end
    ) stored
  `.execute(db);
  await sql`create index cases_search_words_idx on cases using gin (search_words)`.execute(db);

  // "C" order: a prefix ("ann") is one range of the key, whatever the database's locale.
  await sql`
    create table case_name_words (
      word text collate "C" not null,
      created_at timestamptz not null,
      case_id uuid not null,
      constraint case_name_words_pkey primary key (word, created_at, case_id)
    )
  `.execute(db);
  await sql`
    create table case_name_lexicon (
      word text collate "C" not null constraint case_name_lexicon_pkey primary key,
      cases integer not null
    )
  `.execute(db);
  await sql`create index case_name_lexicon_trgm_idx on case_name_lexicon using gist (word public.gist_trgm_ops)`.execute(db);

  // A case's words follow its names (no foreign key: the rows are found by word, created_at
  // and id, which the trigger knows, so no second index is needed to delete them). Inserts and
  // deletes once a statement, so a batch of cases is one insert of words; a change of name row
  // by row, because only a row trigger can wait for the name columns (a statement trigger with
  // transition tables would copy every updated case, for every update of any column).
  await sql`
    create function case_name_words_add() returns trigger language plpgsql as $$
    begin
      insert into case_name_words (word, created_at, case_id) select unnest(search_words), created_at, id from added;
      return null;
    end
    $$
  `.execute(db);
  await sql`
    create function case_name_words_remove() returns trigger language plpgsql as $$
    begin
      delete from case_name_words using removed
      where case_name_words.word = any(removed.search_words) and case_name_words.created_at = removed.created_at and case_name_words.case_id = removed.id;
      return null;
    end
    $$
  `.execute(db);
  await sql`
    create function case_name_words_replace() returns trigger language plpgsql as $$
    begin
      delete from case_name_words where word = any(old.search_words) and created_at = old.created_at and case_id = old.id;
      insert into case_name_words (word, created_at, case_id) select unnest(new.search_words), new.created_at, new.id;
      return null;
    end
    $$
  `.execute(db);
  await sql`
    create trigger cases_name_words_on_insert after insert on cases
    referencing new table as added for each statement execute function case_name_words_add()
  `.execute(db);
  await sql`
    create trigger cases_name_words_on_update after update of client_name, caller_name, erased_at, created_at on cases
    for each row when (old.search_words is distinct from new.search_words or old.created_at is distinct from new.created_at)
    execute function case_name_words_replace()
  `.execute(db);
  await sql`
    create trigger cases_name_words_on_delete after delete on cases
    referencing old table as removed for each statement execute function case_name_words_remove()
  `.execute(db);

  // Counted once per statement, so a bulk fill is one grouped upsert; words in order, so two
  // transactions never wait on each other's words crosswise.
  await sql`
    create function case_name_lexicon_count_added() returns trigger language plpgsql as $$
    begin
      insert into case_name_lexicon (word, cases)
      select word, count(*) from added group by word order by word
      on conflict (word) do update set cases = case_name_lexicon.cases + excluded.cases;
      return null;
    end
    $$
  `.execute(db);
  await sql`
    create function case_name_lexicon_count_removed() returns trigger language plpgsql as $$
    begin
      with gone as (select word, count(*) as uses from removed group by word order by word)
      update case_name_lexicon set cases = case_name_lexicon.cases - gone.uses from gone where case_name_lexicon.word = gone.word;
      delete from case_name_lexicon where cases <= 0 and word in (select word from removed);
      return null;
    end
    $$
  `.execute(db);
  await sql`
    create trigger case_name_words_added after insert on case_name_words
    referencing new table as added for each statement execute function case_name_lexicon_count_added()
  `.execute(db);
  await sql`
    create trigger case_name_words_removed after delete on case_name_words
    referencing old table as removed for each statement execute function case_name_lexicon_count_removed()
  `.execute(db);

  // The cases already held (the lexicon fills through the trigger above).
  await sql`insert into case_name_words (word, created_at, case_id) select unnest(search_words), created_at, id from cases`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table case_name_lexicon`.execute(db);
  await sql`drop trigger cases_name_words_on_insert on cases`.execute(db);
  await sql`drop trigger cases_name_words_on_update on cases`.execute(db);
  await sql`drop trigger cases_name_words_on_delete on cases`.execute(db);
  await sql`drop table case_name_words`.execute(db);
  await sql`drop function case_name_words_add()`.execute(db);
  await sql`drop function case_name_words_remove()`.execute(db);
  await sql`drop function case_name_words_replace()`.execute(db);
  await sql`drop function case_name_lexicon_count_added()`.execute(db);
  await sql`drop function case_name_lexicon_count_removed()`.execute(db);
  await sql`drop index cases_search_words_idx`.execute(db);
  await sql`alter table cases drop column search_words`.execute(db);
  await sql`drop function name_search_words(text)`.execute(db);
  await sql`alter table cases add column search_name text generated always as (lower(coalesce(client_name, '') || ' ' || caller_name)) stored`.execute(db);
  await sql`create index cases_search_name_trgm_idx on cases using gin (search_name public.gin_trgm_ops)`.execute(db);
}

import { sql, type Kysely } from 'kysely';

// The name search in one statement (docs/decisions/014): the typed words' expansion into real
// words and the ranking of the cases holding them, in one PL/pgSQL function whose statements
// keep their plans for the connection's life. Before, it was two or three statements from Node,
// each parsed and planned every time, with the spelling distance worked out in TypeScript
// between them. Several common short starts ("jo an": thousands of cases, about 40 ms of CPU to
// score them all) read the newest cases of the best words first and stop when enough match.

export async function up(db: Kysely<any>): Promise<void> {
  // The word and the word with each one letter left out: two words share one of these keys
  // exactly when a letter added, dropped, changed or swapped with the next may turn one into
  // the other (and a few pairs two slips apart), so the words one slip away from what is typed
  // come straight from an index instead of a spelling distance worked out for every near word.
  await sql`
    create function name_deletion_keys(word text) returns text[]
    language sql immutable strict parallel safe
    as $$
      select array_agg(distinct key) from (
        select word as key
        union all
        select overlay(word placing '' from k for 1) from generate_series(1, length(word)) as k
      ) as keys
    $$
  `.execute(db);
  await sql`create index case_name_lexicon_deletions_idx on case_name_lexicon using gin (name_deletion_keys(word))`.execute(db);

  // Letters added, dropped, changed or swapped with the next (optimal string alignment):
  // "smtih" is one from "smith". A common start and end cost nothing, so only the letters
  // between are compared one by one: a few for a word one or two slips away.
  await sql`
    create function name_slips(a text, b text) returns integer
    language plpgsql immutable strict parallel safe
    as $$
    declare
      a_end integer := length(a);
      b_end integer := length(b);
      start integer := 0;
      x text[];
      y text[];
      before_last integer[];
      last integer[];
      this integer[];
    begin
      while start < a_end and start < b_end and substr(a, start + 1, 1) = substr(b, start + 1, 1) loop
        start := start + 1;
      end loop;
      while a_end > start and b_end > start and substr(a, a_end, 1) = substr(b, b_end, 1) loop
        a_end := a_end - 1;
        b_end := b_end - 1;
      end loop;
      if a_end = start or b_end = start then
        return (a_end - start) + (b_end - start);
      end if;
      x := string_to_array(substr(a, start + 1, a_end - start), null);
      y := string_to_array(substr(b, start + 1, b_end - start), null);
      last := array[0];
      for j in 1..cardinality(y) loop
        last := last || j;
      end loop;
      for i in 1..cardinality(x) loop
        this := array[i];
        for j in 1..cardinality(y) loop
          this := this || least(
            last[j + 1] + 1,
            this[j] + 1,
            last[j] + case when x[i] = y[j] then 0 else 1 end,
            case when i > 1 and j > 1 and x[i] = y[j - 1] and x[i - 1] = y[j] then before_last[j - 1] + 1 end
          );
        end loop;
        before_last := last;
        last := this;
      end loop;
      return last[cardinality(y) + 1];
    end
    $$
  `.execute(db);

  // The cases that best match what was typed, best first: (case_id, rank). Each typed word
  // (cut up as names are, by name_search_words) stands for at most per_word real words: the
  // word itself if held (scores 3), the shortest words it starts (2), words one slip away, or,
  // for a word of five letters or more that nobody has and that no word is one slip from, two
  // slips among its nearest words by trigrams (1 - slips / length). A case must hold one of
  // each typed word's words, each from a different word of the case; it scores the best of each,
  // summed; among equal scores the newest case comes first.
  await sql`
    create function case_name_search(typed text, per_word integer, nearest integer, wanted integer, max_sampled integer)
    returns table (case_id uuid, rank bigint)
    language plpgsql stable rows 10
    -- One plan per statement for the connection's life: planned afresh each call (the default
    -- for the first calls, and after if the plans' estimates differ), planning cost more than
    -- running. Each statement reads by the same index whatever the words.
    set plan_cache_mode = force_generic_plan
    as $$
    #variable_conflict use_column
    declare
      c_position integer[];
      c_word text[];
      c_score float8[];
      typed_count integer;
      held_count integer;
      c_uses integer[];
      by_rarity integer[];
      ids uuid[];
      sample_size integer;
      log_sample_size float8;
    begin
      with typed_word as (
        select t.word, t.position::integer as position, exists (select 1 from case_name_lexicon l where l.word = t.word) as is_held
        from unnest(name_search_words(typed)) with ordinality as t(word, position)
      ),
      one_slip as (
        select t.position, l.word, 1 - 1.0 / greatest(length(t.word), length(l.word)) as score
        from typed_word t
        join case_name_lexicon l on name_deletion_keys(l.word) && name_deletion_keys(t.word)
        where l.word <> t.word and name_slips(t.word, l.word) = 1
      ),
      -- Worked out before the nearest words are read, so that only these typed words read them.
      two_slips_wanted as materialized (
        select t.word, t.position from typed_word t
        where not t.is_held and length(t.word) >= 5 and not exists (select 1 from one_slip o where o.position = t.position)
      ),
      found as (
        select t.position, l.word, 3.0 as score from typed_word t join case_name_lexicon l on l.word = t.word
        union all
        select t.position, p.word, 2.0 from typed_word t cross join lateral (
          select l.word from case_name_lexicon l
          where l.word > t.word and l.word < t.word || chr(1114111)
          order by length(l.word), l.word limit per_word
        ) as p
        union all
        select position, word, score from one_slip
        union all
        select t.position, n.word, 1 - 2.0 / greatest(length(t.word), length(n.word)) from two_slips_wanted t cross join lateral (
          select l.word from case_name_lexicon l order by l.word <-> t.word limit nearest
        ) as n
        where name_slips(t.word, n.word) = 2
      ),
      best as (
        select position, word, max(score) as score, row_number() over (partition by position order by max(score) desc, word) as pick
        from found group by position, word
      ),
      rarity as (
        select best.position, sum(l.cases) as uses from best join case_name_lexicon l on l.word = best.word
        where best.pick <= per_word group by best.position
      )
      select
        array_agg(best.position order by best.position, best.score desc, best.word),
        array_agg(best.word order by best.position, best.score desc, best.word),
        array_agg(best.score::float8 order by best.position, best.score desc, best.word),
        array_agg(l.cases order by best.position, best.score desc, best.word),
        (select count(*) from typed_word),
        (select count(*) from typed_word where is_held),
        (select array_agg(position order by uses, position) from rarity)
      into c_position, c_word, c_score, c_uses, typed_count, held_count, by_rarity
      from best join case_name_lexicon l on l.word = best.word
      where best.pick <= per_word;

      if typed_count = 0 or coalesce(cardinality(by_rarity), 0) < typed_count then
        return;
      end if;

      -- One typed word: the newest few cases of each of its words, from the words index.
      if typed_count = 1 then
        return query
          with hit as (
            select distinct on (newest.case_id) newest.case_id, newest.created_at, c.score
            from unnest(c_word, c_score) as c(word, score)
            cross join lateral (
              select w.case_id, w.created_at from case_name_words w
              where w.word = c.word
              order by w.created_at desc, w.case_id desc
              limit wanted
            ) as newest
            order by newest.case_id, c.score desc
          )
          select hit.case_id, row_number() over (order by hit.score desc, hit.created_at desc, hit.case_id desc)
          from hit order by 2 limit wanted;
        return;
      end if;

      -- A full name spelt right: when enough cases hold every word as typed, nothing can
      -- outscore them, and only those words' posting lists are read.
      if held_count = typed_count then
        with exact as materialized (
          select cases.id, cases.created_at from cases
          where cases.search_words @> (select array_agg(t.word) from unnest(name_search_words(typed)) as t(word))
        )
        select array_agg(e.id order by e.created_at desc, e.id desc) into ids
        from (select exact.id, exact.created_at from exact order by exact.created_at desc, exact.id desc limit wanted) as e;
        if cardinality(ids) = wanted then
          return query select t.id, t.position from unnest(ids) with ordinality as t(id, position);
          return;
        end if;
      end if;

      -- Several typed words that many cases hold together (two common starts, "jo an": some
      -- thousands) need not all be read and scored: the best any case can score is the top
      -- candidate of each typed word, and the newest cases holding a top candidate of the rarest
      -- typed word are read from the words index, newest first, sample_size of each top word.
      -- Every case holding one of them since the newest of the sampled words' oldest sampled
      -- case is then in the sample; if enough of those hold a top candidate of every other typed
      -- word, they are the answer, and nothing older can come before them. The sample size aims
      -- at three times the cases wanted, by the cases holding each word in the lexicon (as if
      -- first names and surnames were independent); a small overlap is left to the GIN path.
      with c as (
        select * from unnest(c_position, c_word, c_score, c_uses) as c(position, word, score, uses)
      ),
      top as (
        select c.position, sum(c.uses) as uses, max(c.uses) as commonest from c
        where c.score = (select max(o.score) from c o where o.position = c.position)
        group by c.position
      )
      -- Worked out as a logarithm and capped: with several rare words the size itself (the
      -- cases to the power of the words typed) is beyond any integer, and beyond float8 too.
      select ln(3.0 * wanted) + ln(greatest((select commonest from top where position = by_rarity[1]), 1))
        + (typed_count - 1) * ln((select greatest(reltuples, 1) from pg_class where oid = 'cases'::regclass))
        - sum(ln(greatest(top.uses, 1)))
      into log_sample_size
      from top;
      sample_size := case when log_sample_size >= ln(max_sampled + 1) then max_sampled + 1 else ceil(exp(log_sample_size)) end;

      if sample_size <= max_sampled then
        with c as (
          select * from unnest(c_position, c_word, c_score) as c(position, word, score)
        ),
        top as (
          select c.position, c.word from c where c.score = (select max(o.score) from c o where o.position = c.position)
        ),
        sampled as (
          select t.word, newest.case_id, newest.created_at, count(*) over (partition by t.word) as taken,
            min(newest.created_at) over (partition by t.word) as oldest
          from top t
          cross join lateral (
            select w.case_id, w.created_at from case_name_words w
            where w.word = t.word
            order by w.created_at desc, w.case_id desc
            limit sample_size
          ) as newest
          where t.position = by_rarity[1]
        ),
        complete_since as (
          select coalesce(max(oldest) filter (where taken = sample_size), '-infinity') as since from sampled
        ),
        top_tier as (
          select distinct cases.id, cases.created_at
          from sampled
          join complete_since on sampled.created_at > complete_since.since
          join cases on cases.id = sampled.case_id
          where not exists (
              select 1 from top t where t.position <> by_rarity[1]
              group by t.position having not cases.search_words && array_agg(t.word)
            )
            and (select count(*) from unnest(cases.search_words) as h(word) where h.word = any(c_word)) >= typed_count
        )
        select array_agg(e.id order by e.created_at desc, e.id desc) into ids
        from (select top_tier.id, top_tier.created_at from top_tier order by top_tier.created_at desc, top_tier.id desc limit wanted) as e;
        if cardinality(ids) = wanted then
          return query select t.id, t.position from unnest(ids) with ordinality as t(id, position);
          return;
        end if;
      end if;

      -- Several typed words: GIN intersects the posting lists of the two rarest typed words'
      -- candidates; the cases found are scored by joining their words to the candidates.
      return query
        with candidate as (
          select * from unnest(c_position, c_word, c_score) as c(position, word, score)
        ),
        matched as materialized (
          select cases.id, cases.created_at, cases.search_words,
            (select count(*) from unnest(cases.search_words) as h(word) where h.word = any(c_word)) as words_held
          from cases
          where cases.search_words && array(select c.word from candidate c where c.position = by_rarity[1])
            and cases.search_words && array(select c.word from candidate c where c.position = by_rarity[2])
        ),
        per_word as (
          select m.id, m.created_at, c.position, max(c.score) as score
          from matched m
          cross join lateral unnest(m.search_words) as h(word)
          join candidate c on c.word = h.word
          where m.words_held >= typed_count
          group by m.id, m.created_at, c.position
        )
        select p.id, row_number() over (order by sum(p.score) desc, p.created_at desc, p.id desc)
        from per_word p
        group by p.id, p.created_at
        having count(*) = typed_count
        order by 2 limit wanted;
    end
    $$
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop function case_name_search(text, integer, integer, integer, integer)`.execute(db);
  await sql`drop function name_slips(text, text)`.execute(db);
  await sql`drop index case_name_lexicon_deletions_idx`.execute(db);
  await sql`drop function name_deletion_keys(text)`.execute(db);
}

import { stageLabels } from '@harbour/shared/case-stages';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { messageOf, useTRPC } from '../../lib/trpc';
import { useDebounced } from '../../lib/use-debounced';
import { RiskBadge } from '../../components/case-badges';
import './cases.css';

const MIN_LENGTH = 2;

/**
 * In the header on every page: a case by reference, name (typos and all), phone in any format
 * or email. "/" jumps here from anywhere; Enter opens the first match; arrows move through them.
 */
export function CaseSearchBox() {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const [typed, setTyped] = useState('');
  const [isOpen, setIsOpen] = useState(false);
  const query = useDebounced(typed.trim(), 250);
  const search = useQuery({
    ...trpc.cases.search.queryOptions({ query }),
    enabled: query.length >= MIN_LENGTH,
    // Each search is an audited look-up: only when the words change.
    refetchOnWindowFocus: false,
    staleTime: 30_000,
  });

  useEffect(() => {
    const onSlash = (event: globalThis.KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const isTyping = target && (['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.isContentEditable);
      if (event.key === '/' && !isTyping) {
        event.preventDefault();
        inputRef.current?.focus();
      }
    };
    document.addEventListener('keydown', onSlash);
    return () => document.removeEventListener('keydown', onSlash);
  }, []);

  const results = query.length >= MIN_LENGTH ? (search.data ?? []) : [];
  const close = () => setIsOpen(false);
  const reset = () => {
    close();
    setTyped('');
  };
  const open = (reference: string) => {
    reset();
    navigate(`/cases/${reference}`);
  };
  const moveFocus = (event: KeyboardEvent, step: 1 | -1) => {
    const links = [...(listRef.current?.querySelectorAll('a') ?? [])];
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    const next = at + step;
    event.preventDefault();
    if (next < 0) inputRef.current?.focus();
    else links[Math.min(next, links.length - 1)]?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      // Focus first: focusing the box opens the list, and closing must be the last word.
      inputRef.current?.focus();
      close();
    } else if (event.key === 'ArrowDown') moveFocus(event, 1);
    else if (event.key === 'ArrowUp') moveFocus(event, -1);
  };

  const status =
    query.length < MIN_LENGTH
      ? ''
      : search.isFetching && !search.data
        ? 'Searching…'
        : search.isError
          ? messageOf(search.error)
          : results.length === 0
            ? `No case matches “${query}”`
            : `${results.length} ${results.length === 1 ? 'case' : 'cases'} found`;

  return (
    <div role="search" className="case-search" onKeyDown={onKeyDown} onBlur={(event) => !event.currentTarget.contains(event.relatedTarget) && close()}>
      <form
        role="presentation"
        onSubmit={(event) => {
          event.preventDefault();
          // Only the answer to what is typed now: never the first match of the words before.
          if (results[0] && query === typed.trim() && !search.isFetching) open(results[0].reference);
        }}
      >
        <label htmlFor={`${id}-input`} className="visually-hidden">
          Find a case
        </label>
        <span id={`${id}-hint`} className="visually-hidden">
          By reference, name, phone number or email address. Press slash to come here from anywhere.
        </span>
        <input
          ref={inputRef}
          id={`${id}-input`}
          className="case-search__input"
          type="search"
          autoComplete="off"
          placeholder="Find a case (press /)"
          value={typed}
          aria-describedby={`${id}-hint ${id}-status`}
          onChange={(event) => {
            setTyped(event.target.value);
            setIsOpen(true);
          }}
          onFocus={() => setIsOpen(true)}
        />
      </form>
      {isOpen && query.length >= MIN_LENGTH && (
        <div className="case-search__results">
          <p id={`${id}-status`} className="case-search__status" role="status">
            {status}
          </p>
          {results.length > 0 && (
            <ul ref={listRef}>
              {results.map((result) => (
                <li key={result.id}>
                  <Link to={`/cases/${result.reference}`} onClick={reset}>
                    <span className="case-search__name">{result.clientName ?? result.callerName}</span>
                    <span className="case-search__meta">
                      {result.reference} · {stageLabels[result.stage]}
                      {result.clientName && result.clientName !== result.callerName ? ` · caller ${result.callerName}` : ''}
                    </span>
                    <RiskBadge level={result.riskLevel} />
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}

#!/usr/bin/env python3
"""The SQL of one collaboration write, from PostgreSQL's log, as a pgbench script.

Usage: own-sql.py LOG OFFSET SCRIPT CASES
  LOG     the server's log (log_statement = all for the database), read from byte OFFSET on
  SCRIPT  the pgbench script written: the write's statements in their order, its parameters inlined,
          with a random case of CASES (rows 'bench-1'.. 'bench-CASES' copied from the captured case's
          view by the first statement printed on standard output), a new idempotency key, event id and
          global index each time
Prints the statement to prepare the cases, then one line per statement of the write (for the record).

The write is the transaction that appended the event (INSERT INTO DomainEventEntry), from its BEGIN to its
COMMIT, and the statements before it on other connections that were given the case's id (the district check).
"""
import re
import sys

ENTRY = re.compile(r'^\S+ \S+ \S+ \[(\d+)\] \S* ?(LOG|DETAIL|ERROR|STATEMENT):\s+(.*)$')
PARAMETER = re.compile(r"\$(\d+) = (NULL|'(?:[^']|'')*')")


def entries(path, offset):
    """(pid, kind, text) for each log entry from offset on; continuation lines joined."""
    with open(path, 'rb') as log:
        log.seek(offset)
        text = log.read().decode('utf-8', 'replace')
    current = None
    for line in text.split('\n'):
        match = ENTRY.match(line)
        if match:
            if current:
                yield current
            current = [match.group(1), match.group(2), match.group(3)]
        elif current is not None:
            current[2] += '\n' + line
    if current:
        yield current


def statements(path, offset):
    """The write's statements as (sql, {n: literal}) in their order: its transaction, on the connection that
    appended the event, and before it whatever read the case on other connections (the district check)."""
    log = []
    for pid, kind, text in entries(path, offset):
        if kind == 'LOG':
            match = re.match(r'(?:execute [^:]+|statement):\s*(.*)$', text, re.S)
            if match and match.group(1).strip():
                log.append([pid, match.group(1).strip(), {}])
        elif kind == 'DETAIL' and text.startswith('parameters:') and log and log[-1][0] == pid:
            log[-1][2] = {int(n): v for n, v in PARAMETER.findall(text)}
    append = max((i for i, (_, sql, _) in enumerate(log) if re.match(r'INSERT INTO DomainEventEntry', sql, re.I)), default=None)
    if append is None:
        raise SystemExit('no statement appending an event (INSERT INTO DomainEventEntry) in the log')
    pid, case = log[append][0], log[append][2][3]
    mine = [i for i, entry in enumerate(log) if entry[0] == pid]
    begin = max(i for i in mine if i < append and log[i][1].upper() == 'BEGIN')
    commit = min(i for i in mine if i > append and log[i][1].upper() == 'COMMIT')
    before = [log[i] for i in range(begin) if case in log[i][2].values()]
    return [(sql, parameters) for _, sql, parameters in before + [log[i] for i in mine if begin <= i <= commit]]


def literal(value, case):
    """A parameter as SQL: pgbench would take ':name' inside a literal for a variable, so such colons are
    spelt chr(58); the captured case id becomes the script's random case."""
    if not value.startswith("'"):
        return value
    value = re.sub(r':(?=\w)', "' || chr(58) || '", value)
    value = value.replace(case, "' || ('bench-' || :c) || '")
    return re.sub(r"^'' \|\| |(?<!')( \|\| '')$", '', value)


def inline(sql, parameters, case):
    return re.sub(r'\$(\d+)\b', lambda m: literal(parameters[int(m.group(1))], case), sql)


def main():
    log, offset, script, cases = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
    write = statements(log, offset)
    case = next(p[3] for sql, p in write if re.match(r'INSERT INTO DomainEventEntry', sql, re.I)).strip("'")
    lines = [f'\\set c random(1, {cases})', '\\set k random(1, 1000000000000)']
    for sql, parameters in write:
        if re.match(r'INSERT INTO idempotent_request', sql):
            parameters[2] = 'md5(:k::text)'
        elif re.match(r'UPDATE idempotent_request', sql):
            parameters[6] = 'md5(:k::text)'
        elif re.search(r'nextval\(pg_get_serial_sequence', sql):
            sql = re.sub(r'^SELECT (nextval\(.*?\)\))', r'SELECT \1 AS gi', sql) + ' \\gset'
        elif re.match(r'INSERT INTO DomainEventEntry', sql, re.I):
            parameters[1] = ':gi'                         # the global index just taken
            parameters[2] = "md5(:k::text || 'event')"    # a new event identifier
            parameters[4] = ':gi'                         # a sequence number of its own in the case's stream
        elif re.match(r'UPDATE case_view', sql):
            version = max(parameters)
            parameters[version] = 'version'               # the optimistic check, always met
        statement = inline(sql, parameters, case)
        lines.append(' '.join(statement.split()) + ('' if statement.endswith('\\gset') else ';'))
    with open(script, 'w') as out:
        out.write('\n'.join(lines) + '\n')
    print("INSERT INTO case_view SELECT (jsonb_populate_record(v, jsonb_build_object('case_id', 'bench-' || g))).* "
          f"FROM case_view v, generate_series(1, {cases}) g WHERE v.case_id = '{case}'")
    for sql, _ in write:
        print(' '.join(sql.split())[:160])


if __name__ == '__main__':
    main()

import { describe, expect, it } from 'vitest';
import { formatJunit } from '../../../src/cli/grade-output.ts';
import { writeXmlDocument, xmlAttribute, xmlText } from '../../../src/cli/xml-writer.ts';
import type { GradeReport } from '../../../src/schemas/grade-report.ts';
import { xmlProblem } from './xml-well-formed.ts';

/** Every character XML 1.0 forbids, and the ones it allows but a careless writer breaks on. */
const HOSTILE = `a\u0000b\u0001\u0008\u000b\u000c\u001b[2K\ufffe\uffff\ud800 lone \udfff <tag> & "quote" ]]> \t\n\r end 😀`;

function report(file: string, message: string): GradeReport {
  return {
    exercise: 'orders-four-steps',
    file,
    passed: false,
    error: { kind: 'runtime', message },
    steps: [{ id: 'print-orders', title: 'Print', passed: false, message }],
    guarantees: [{ guarantee: 'at-least-once', passed: false, runs: [{ scenario: 'orders from step 1', seed: 1, processed_orders: [message], passed: false, message }] }],
  };
}

describe('the XML writer', () => {
  it('the well-formedness check itself refuses what XML forbids', () => {
    expect(xmlProblem('<?xml version="1.0" encoding="UTF-8"?>\n<a>\ufffe</a>')).toMatch(/forbids: U\+FFFE/);
    expect(xmlProblem('<?xml version="1.0" encoding="UTF-8"?>\n<a b="&#1;"/>')).toMatch(/reference/);
    expect(xmlProblem('<?xml version="1.0" encoding="UTF-8"?>\n<a><b></a></b>')).toMatch(/wrong element/);
    expect(xmlProblem('<?xml version="1.0" encoding="UTF-8"?>\n<a>x & y</a>')).toMatch(/bare '&'/);
    expect(xmlProblem('<?xml version="1.0" encoding="UTF-8"?>\n<a b="1"><c/>ok</a>')).toBeUndefined();
  });

  it('writes well-formed XML whatever the text and attributes hold', () => {
    const document = writeXmlDocument({ name: 'root', attributes: [['message', HOSTILE]], children: [{ name: 'child', children: [HOSTILE] }, HOSTILE] });
    expect(xmlProblem(document)).toBeUndefined();
    // The forbidden characters are shown, not dropped; whitespace in attributes survives normalisation.
    expect(xmlText('\ufffe')).toBe('\\ufffe');
    expect(xmlAttribute('a\tb\nc')).toBe('a&#9;b&#10;c');
    expect(xmlText('😀')).toBe('😀');
  });

  it('keeps a JUnit file valid for the whole batch when one file\'s messages are hostile', () => {
    const junit = formatJunit([report('good.ts', 'fine'), report(`hostile\ufffe.ts`, HOSTILE), report('other.ts', 'fine too')]);
    expect(xmlProblem(junit)).toBeUndefined();
    expect(junit.match(/<testsuite /g)).toHaveLength(3);
  });
});

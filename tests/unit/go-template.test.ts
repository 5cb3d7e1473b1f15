import { describe, expect, it } from 'vitest';
import {
  goFormat,
  renderArchetype,
  type ArchetypeContext,
} from '../../electron/services/library/post-ops/go-template.ts';

const context: ArchetypeContext = {
  name: 'my-first-post',
  date: new Date(2025, 0, 5, 7, 4, 9),
  section: 'posts',
  site: { title: 'Field Notes', params: { author: { name: 'Ada' }, mainSections: ['posts'] } },
};
const render = (text: string) =>
  renderArchetype(text, context, (value, place) => `[${place}:${value}]`);

describe('the Go template subset archetypes use', () => {
  it('reads fields, calls functions, pipes the value in as the last argument', () => {
    expect(render('{{ .Name }}|{{ .File.ContentBaseName | humanize }}').text).toBe(
      '[text:my-first-post]|[text:My first post]',
    );
    expect(render('{{ replace .Name "-" " " | title }}').text).toBe('[text:My First Post]');
    expect(render('{{ replace .Name "-" " " | strings.FirstUpper }}').text).toBe(
      '[text:My first post]',
    );
    expect(render('{{ .Site.Params.author.name }} / {{ .Site.Title | upper }}').text).toBe(
      '[text:Ada] / [text:FIELD NOTES]',
    );
    expect(
      render('{{ default "none" .Site.Params.missing }} {{ .Section | default "x" }}').text,
    ).toBe('[text:none] [text:posts]');
    expect(render('{{ (replace `a-b` "-" "+") | lower }}').text).toBe('[text:a+b]');
    const titled = { ...context, title: 'Typed Title' };
    expect(renderArchetype('# {{ .Title }}', titled, (v) => v).text).toBe('# Typed Title');
  });

  it('trims around {{- and -}}, drops comments, knows where each value stands', () => {
    expect(render('a  {{- .Section -}}  b{{/* a note */}}').text).toBe('a[text:posts]b');
    expect(render('title: {{ .Name }}\nx: "{{ .Name }}"\ny: \'{{ .Name }}\'').text).toBe(
      'title: [bare:my-first-post]\nx: "[double-quoted:my-first-post]"\ny: \'[single-quoted:my-first-post]\'',
    );
  });

  it('keeps what it does not run as written, and names it', () => {
    const out = render('{{ if .Draft }}x{{ end }} {{ .Params.x }} {{ $a := 1 }} {{ nope .Name }}');
    expect(out.text).toBe(
      '{{ if .Draft }}x{{ end }} {{ .Params.x }} {{ $a := 1 }} {{ nope .Name }}',
    );
    expect(out.unsupported).toEqual([
      '{{ if .Draft }}',
      '{{ end }}',
      '{{ .Params.x }}',
      '{{ $a := 1 }}',
      '{{ nope .Name }}',
    ]);
  });

  it('formats dates by Go’s reference time', () => {
    const date = new Date(2025, 0, 5, 15, 4, 9);
    expect(goFormat(date, '2006-01-02')).toBe('2025-01-05');
    expect(goFormat(date, 'Jan 2, 2006 at 3:04 PM')).toBe('Jan 5, 2025 at 3:04 PM');
    expect(goFormat(date, 'Monday, January 02')).toBe('Sunday, January 05');
    expect(render('{{ .Date }}').text).toMatch(/^\[text:2025-01-05T07:04:09(Z|[+-]\d\d:\d\d)\]$/);
  });
});

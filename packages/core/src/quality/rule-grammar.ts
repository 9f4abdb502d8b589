/**
 * The grammar of a rule's expressions (Peggy, a PEG parser generator), compiled once on first use.
 * An expression is arithmetic (`+ - * /`, parentheses, `abs`, `min`, `max`, decimal numbers) over
 * references to indicators of the rule's unit: `#{NGANH.DOANH_THU}` (this period),
 * `#{VT.THUE_BAO_DI_DONG}[previous]` (the period before), `#{…}[last_year]` (the same period a year
 * earlier). Each node keeps its offset in the text, so an error can point at it.
 */
import peggy from 'peggy';

const GRAMMAR = String.raw`
Expression = _ e:Additive _ { return e; }

Additive = head:Multiplicative tail:(_ @$[+-] _ @Multiplicative)*
  { return tail.reduce((left, [op, right]) => ({ type: 'binary', op, left, right }), head); }

Multiplicative = head:Unary tail:(_ @$[*/] _ @Unary)*
  { return tail.reduce((left, [op, right]) => ({ type: 'binary', op, left, right }), head); }

Unary
  = "-" _ expr:Unary { return { type: 'negate', expr }; }
  / Primary

Primary
  = Number
  / Reference
  / Call
  / "(" _ e:Additive _ ")" { return e; }

Call = name:$("abs" / "min" / "max") _ "(" _ head:Additive tail:(_ "," _ @Additive)* _ ")"
  { return { type: 'call', name, args: [head, ...tail] }; }

Reference = "#{" _ code:Code _ "}" shift:Shift?
  { return { type: 'ref', code: code.toUpperCase(), shift: shift ?? 'current', offset: location().start.offset }; }

Shift = "[" _ s:$("previous" / "last_year") _ "]" { return s; }

Code "indicator code" = $([A-Za-z] [A-Za-z0-9_]* ("." [A-Za-z0-9_]+)*)

Number "number" = digits:$([0-9]+ ("." [0-9]+)?) { return { type: 'number', value: Number(digits) }; }

_ "space" = [ \t\r\n]*
`;

let parser: peggy.Parser | null = null;

/** The compiled parser (generated on first use: a few milliseconds, once per process). */
export function ruleParser(): peggy.Parser {
  parser ??= peggy.generate(GRAMMAR);
  return parser;
}

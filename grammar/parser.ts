/**
 * The `.events` grammar as a chevrotain CstParser (see docs/language.md for the language).
 *
 * Rules are kept small on purpose: chevrotain's re-sync recovery restarts at rule
 * boundaries, so one rule per field, key, event and declaration lets a mistake in one of
 * them be reported and skipped without losing the rest of the file.
 * The parser is built once (`eventsParser`) and reused; `parse.ts` drives it.
 */
import type { IOrAlt, IToken, TokenType } from "chevrotain";
import { CstParser, tokenMatcher } from "./chevrotain.js";
import { userWordsErrorProvider } from "./expected-words.js";
import {
  After,
  Aggregate,
  allTokens,
  Annotation as AnnotationToken,
  Colon,
  Comma,
  Creates,
  Dot,
  Ends,
  Enum,
  Equals,
  Event,
  FloatLiteral,
  Import,
  In,
  IntegerLiteral,
  Key,
  LAngle,
  LCurly,
  ListKeyword,
  LParen,
  LSquare,
  MapKeyword,
  Name,
  Namespace,
  On,
  Partitions,
  Per,
  Projection,
  Question,
  RAngle,
  RCurly,
  RParen,
  RSquare,
  State,
  StringLiteral,
  Topic,
  Type,
  Version,
  Word,
} from "./tokens.js";

export class EventsParser extends CstParser {
  /** `OR` alternatives are built once per parser, not once per call (chevrotain's advice for speed). */
  private readonly alternatives: Partial<Record<string, IOrAlt<unknown>[]>> = {};

  constructor() {
    super(allTokens as never, {
      recoveryEnabled: true,
      nodeLocationTracking: "full",
      errorMessageProvider: userWordsErrorProvider,
      maxLookahead: 1,
    });
    this.performSelfAnalysis();
  }

  /**
   * chevrotain recovers in a rule by inserting the missing token or deleting an extra one.
   * Also try replacing one wrong token when the token after it fits (`a = int` is read as
   * `a: int`), so that a typo costs one problem instead of a cascade. Names and keywords
   * are never replaced: they carry structure that the re-sync recovery handles better.
   */
  tryInRuleRecovery(expected: TokenType, follows: TokenType[]): IToken {
    const base = (CstParser.prototype as unknown as RecoveryInternals).tryInRuleRecovery;
    try {
      return base.call(this, expected, follows);
    } catch (error) {
      const wrong = this.LA(1);
      const next = this.LA(2);
      if (
        !tokenMatcher(wrong, Word) &&
        next.tokenType.name !== "EOF" &&
        follows.some((type) => tokenMatcher(next, type))
      ) {
        (this as unknown as RecoveryInternals).consumeToken();
        return (this as unknown as RecoveryInternals).getTokenToInsert(expected);
      }
      throw error;
    }
  }

  // file = namespaceDecl importDecl* declaration*
  public readonly file = this.RULE("file", () => {
    this.SUBRULE(this.namespaceDecl);
    this.MANY(() => this.SUBRULE(this.importDecl));
    this.MANY2(() => this.SUBRULE(this.declaration));
  });

  private readonly namespaceDecl = this.RULE("namespaceDecl", () => {
    this.CONSUME(Namespace);
    this.SUBRULE(this.qualifiedName);
  });

  private readonly importDecl = this.RULE("importDecl", () => {
    this.CONSUME(Import);
    this.CONSUME(StringLiteral);
  });

  private readonly declaration = this.RULE("declaration", () => {
    this.OR((this.alternatives.declaration ??= [
      { ALT: () => this.SUBRULE(this.enumDecl) },
      { ALT: () => this.SUBRULE(this.typeDecl) },
      { ALT: () => this.SUBRULE(this.topicDecl) },
      { ALT: () => this.SUBRULE(this.aggregateDecl) },
      { ALT: () => this.SUBRULE(this.projectionDecl) },
    ]));
  });

  private readonly enumDecl = this.RULE("enumDecl", () => {
    this.CONSUME(Enum);
    this.CONSUME(Name);
    this.CONSUME(LCurly);
    this.MANY(() => {
      this.SUBRULE(this.enumMember);
      this.OPTION(() => this.CONSUME(Comma));
    });
    this.CONSUME(RCurly);
  });

  private readonly enumMember = this.RULE("enumMember", () => {
    this.CONSUME(Word);
  });

  private readonly typeDecl = this.RULE("typeDecl", () => {
    this.CONSUME(Type);
    this.CONSUME(Name);
    this.SUBRULE(this.fieldBlock);
  });

  private readonly topicDecl = this.RULE("topicDecl", () => {
    this.CONSUME(Topic);
    this.CONSUME(Name);
    this.CONSUME(LCurly);
    this.OPTION(() => {
      this.CONSUME(Partitions);
      this.CONSUME(IntegerLiteral);
    });
    this.CONSUME(RCurly);
  });

  private readonly aggregateDecl = this.RULE("aggregateDecl", () => {
    this.CONSUME(Aggregate);
    this.CONSUME(Name);
    this.OPTION(() => {
      this.CONSUME(In);
      this.SUBRULE(this.qualifiedName);
    });
    this.CONSUME(LCurly);
    this.MANY(() => {
      this.OR((this.alternatives.aggregateMember ??= [
        { ALT: () => this.SUBRULE(this.keyDecl) },
        { ALT: () => this.SUBRULE(this.eventDecl) },
      ]));
    });
    this.CONSUME(RCurly);
  });

  private readonly keyDecl = this.RULE("keyDecl", () => {
    this.CONSUME(Key);
    this.CONSUME(Word);
    this.CONSUME(Colon);
    this.SUBRULE(this.typeRef);
  });

  private readonly eventDecl = this.RULE("eventDecl", () => {
    this.CONSUME(Event);
    this.CONSUME(Name);
    this.OPTION(() => this.CONSUME(Version));
    // `creates after X` is accepted here so that the checker can explain why it is wrong.
    this.OPTION2(() => this.CONSUME(Creates));
    this.OPTION4(() => this.SUBRULE(this.afterClause));
    this.OPTION3(() => this.CONSUME(Ends));
    this.SUBRULE(this.fieldBlock);
  });

  private readonly afterClause = this.RULE("afterClause", () => {
    this.CONSUME(After);
    this.AT_LEAST_ONE_SEP({ SEP: Comma, DEF: () => this.SUBRULE(this.qualifiedName) });
  });

  private readonly projectionDecl = this.RULE("projectionDecl", () => {
    this.CONSUME(Projection);
    this.CONSUME(Name);
    this.OPTION(() => {
      this.CONSUME(Per);
      this.SUBRULE(this.qualifiedName);
    });
    this.CONSUME(LCurly);
    this.OPTION2(() => this.SUBRULE(this.onClause));
    this.OPTION3(() => this.SUBRULE(this.stateBlock));
    this.CONSUME(RCurly);
  });

  private readonly onClause = this.RULE("onClause", () => {
    this.CONSUME(On);
    this.AT_LEAST_ONE_SEP({ SEP: Comma, DEF: () => this.SUBRULE(this.qualifiedName) });
  });

  private readonly stateBlock = this.RULE("stateBlock", () => {
    this.CONSUME(State);
    this.SUBRULE(this.fieldBlock);
  });

  /**
   * `{ fields }`, fields separated by newlines, spaces or optional commas. The braces are in
   * this rule so that after a bad field chevrotain re-syncs to the next field, not past `}`.
   */
  private readonly fieldBlock = this.RULE("fieldBlock", () => {
    this.CONSUME(LCurly);
    this.MANY(() => {
      this.SUBRULE(this.field);
      this.OPTION(() => this.CONSUME(Comma));
    });
    this.CONSUME(RCurly);
  });

  private readonly field = this.RULE("field", () => {
    this.CONSUME(Word);
    this.OPTION(() => this.CONSUME(Question));
    this.CONSUME(Colon);
    this.SUBRULE(this.typeRef);
    this.OPTION2(() => {
      this.CONSUME(Equals);
      this.SUBRULE(this.literal);
    });
    this.MANY(() => this.SUBRULE(this.annotation));
  });

  private readonly typeRef = this.RULE("typeRef", () => {
    this.OR((this.alternatives.typeRef ??= [
      { ALT: () => this.SUBRULE(this.listType) },
      { ALT: () => this.SUBRULE(this.mapType) },
      { ALT: () => this.SUBRULE(this.qualifiedName) },
    ]));
  });

  private readonly listType = this.RULE("listType", () => {
    this.CONSUME(ListKeyword);
    this.CONSUME(LAngle);
    this.SUBRULE(this.typeRef);
    this.CONSUME(RAngle);
  });

  private readonly mapType = this.RULE("mapType", () => {
    this.CONSUME(MapKeyword);
    this.CONSUME(LAngle);
    this.SUBRULE(this.typeRef);
    this.CONSUME(Comma);
    this.SUBRULE2(this.typeRef);
    this.CONSUME(RAngle);
  });

  private readonly qualifiedName = this.RULE("qualifiedName", () => {
    this.CONSUME(Name);
    this.MANY(() => {
      this.CONSUME(Dot);
      this.CONSUME2(Name);
    });
  });

  private readonly literal = this.RULE("literal", () => {
    this.OR((this.alternatives.literal ??= [
      { ALT: () => this.CONSUME(StringLiteral) },
      { ALT: () => this.CONSUME(IntegerLiteral) },
      { ALT: () => this.CONSUME(FloatLiteral) },
      // `true`, `false` and enum members (which may be named like keywords).
      { ALT: () => this.CONSUME(Word) },
      { ALT: () => this.SUBRULE(this.listLiteral) },
      { ALT: () => this.SUBRULE(this.mapLiteral) },
    ]));
  });

  private readonly listLiteral = this.RULE("listLiteral", () => {
    this.CONSUME(LSquare);
    this.MANY_SEP({ SEP: Comma, DEF: () => this.SUBRULE(this.literal) });
    this.CONSUME(RSquare);
  });

  private readonly mapLiteral = this.RULE("mapLiteral", () => {
    this.CONSUME(LCurly);
    this.CONSUME(RCurly);
  });

  private readonly annotation = this.RULE("annotation", () => {
    this.CONSUME(AnnotationToken);
    this.OPTION(() => {
      this.CONSUME(LParen);
      this.MANY_SEP({ SEP: Comma, DEF: () => this.SUBRULE(this.literal) });
      this.CONSUME(RParen);
    });
  });
}

/** chevrotain's recovery internals used above (not part of its typed API). */
interface RecoveryInternals {
  tryInRuleRecovery(this: unknown, expected: TokenType, follows: TokenType[]): IToken;
  consumeToken(): void;
  getTokenToInsert(type: TokenType): IToken;
}

/** The one parser instance: building it runs grammar analysis, which is too slow to repeat per file. */
export const eventsParser = new EventsParser();

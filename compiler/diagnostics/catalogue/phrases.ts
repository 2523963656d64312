/**
 * Text that is not a diagnostic of its own but goes into one: "did you mean" suffixes,
 * `help:` hints and the notes of related locations. Kept next to the catalogue so call
 * sites hold no message text either.
 */
export const Phrases = {
  /** Appended to a message (through its `{didYouMean}` hole) when a close name exists. */
  didYouMean: ' Did you mean "{suggestion}"?',
  // Notes on related locations.
  firstDeclaredHere: '"{name}" is first declared here.',
  firstKeyHere: 'The key "{name}" is declared here.',
  firstCreatesHere: '"{name}" creates the aggregate here.',
  firstFieldHere: 'The field "{name}" is first declared here.',
  firstMemberHere: 'The member "{name}" is first listed here.',
  firstAnnotationHere: '"@{name}" is first given here.',
  firstVersionHere: 'v{version} is first declared here.',
  firstOnEntryHere: '"{name}" is first listed here.',
  declaredHere: '"{name}" is declared here.',
  endsHere: '"{name}" is marked "ends" here.',
  keyDeclaredHere: 'The key "{name}" of "{aggregate}" is declared here.',
  clashingDeclaration: '{claimant} is declared here.',
  // Hints (`help:` lines).
  qualifyName: 'Write the name with its namespace: {candidates}.',
  importNamespace: 'Add `import "{path}"` at the top of this file.',
  declareNamespaceFile: 'Import the file that declares namespace "{namespace}".',
  addKey: 'Add a key line such as `key {suggestion}: uuid` as the first line of the aggregate.',
  addCreates: 'Mark the first event of every "{aggregate}" with "creates", e.g. `event {event} creates {...}`.',
  renameReserved: 'Rename it, e.g. "{suggestion}".',
  addVersions: 'Write "v1" on the oldest declaration, "v2" on the next, and so on.',
  removeKeyField: 'Remove the field: every event of "{aggregate}" already carries "{key}".',
  quoteDecimal: 'Write the value as a string, e.g. "{suggestion}".',
  makeOptional: 'Write `{field}?: {type}` to make it optional instead.',
  mapKeyString: "Write `map<string, ...>`.",
  removeDuplicate: "Remove the repeated entry.",
  declareType: "Declare it (`type {name} { ... }` or `enum {name} { ... }`), or import the file that declares it.",
  declareTopic: "Declare it (`topic {name} { partitions 1 }`), or leave out `in {name}` to give the aggregate a topic of its own.",
} as const;

"""The language of 公文, the ground floor under retrieval/ and drafting/: it imports nothing of ours.

Each module keeps one table and builds its patterns from it, so that a word is spelt once:

- roles:     what a section does (Role) and what kind of report it is (Kind), with their labels
- levels:    administrative levels (省 … 街道), the suffixes of place names, the words each level uses
- numbering: Chinese numerals, ordinals, the heading levels 一、（一）1.（1）and 一是 clauses
- figures:   where figures are read: a number with its unit and qualifier, never an identifier
- script:    simplified characters, pinyin notes removed
- plain:     invisible and hidden characters; `plain_text`, the one cleaning every text goes through
- cues:      plan cues, leader titles, year leads, connectives, and the rules that give a heading
             its role and a title its kind
"""

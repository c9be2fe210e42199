"""Story threads: the articles of one developing story, grouped and merged. No UI imports.

`features` reads what grouping needs from a story, `group` groups (all at once, or one story
joining the best thread), `names` tells which names are one person, `merge` builds what a thread
says (people and quotes, timeline, figures as they changed), `corrections` keeps the reader's
corrections in the library folder, and `store` ties them to a library.
"""

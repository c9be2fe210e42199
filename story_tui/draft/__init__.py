"""The drafter: an article (text, Markdown or a saved web page) to a story file. Plain Python."""

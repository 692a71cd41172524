#!/bin/sh
# Print the EXAMPLES of a man page as shell commands, one example block
# per paragraph (blank line between blocks): roff escapes undone, the
# continuation lines kept. Both .EX/.EE and .nf/.RS blocks are read.
awk '
/^\.SH /      { ex = ($0 ~ /EXAMPLES/); next }
!ex           { next }
/^\.(EX|nf)/  { inb = 1; next }
/^\.(EE|fi)/  { if (inb) print ""; inb = 0; next }
/^\.RS|^\.RE/ { next }
inb {
	gsub(/\\-/, "-"); gsub(/\\e/, "\\"); gsub(/\\\(aq/, "\047")
	print
}' "$1"

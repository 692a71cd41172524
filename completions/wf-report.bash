# bash completion for wf-report(1)                    -*- shell-script -*-
_wf_report()
{
	local cur prev words cword split
	_init_completion -s || return

	case $prev in
	-f | --format)
		COMPREPLY=($(compgen -W 'table markdown html json csv' -- "$cur"))
		return ;;
	--kind)
		COMPREPLY=($(compgen -W 'table trend benchmark match profile' -- "$cur"))
		return ;;
	--locale)
		COMPREPLY=($(compgen -W 'C it' -- "$cur"))
		return ;;
	--lang)
		COMPREPLY=($(compgen -W 'en it' -- "$cur"))
		return ;;
	--input-format)
		COMPREPLY=($(compgen -W 'auto csv ndjson' -- "$cur"))
		return ;;
	--encoding)
		COMPREPLY=($(compgen -W 'auto utf-8 cp1252 latin1' -- "$cur"))
		return ;;
	--decimal)
		COMPREPLY=($(compgen -W 'auto comma point' -- \"$cur\"))
		return ;;
	-d | --delimiter)
		COMPREPLY=($(compgen -W "';' ',' tab" -- "$cur"))
		return ;;
	--decimals)
		COMPREPLY=($(compgen -W '0 1 2 3 4 5 6 7 8 9' -- "$cur"))
		return ;;
	-o | --output)
		_filedir
		return ;;
	--title | --date | --max-width | --period | --group | --value | --unit | \
	--institution | --where | --label | --top | --max-field-bytes | --threads | --sort | --columns)
		return ;;
	esac
	$split && return

	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W '--format --kind --output --title --date --decimals
			--lang --locale --max-width --period --group --value --unit --institution
			--where --sort --columns --label --top --input-format --encoding --decimal --delimiter
			--max-field-bytes --threads --excel-safe --quiet --verbose --help --version' -- "$cur"))
		[[ ${COMPREPLY-} == *= ]] && compopt -o nospace
		return
	fi
	_filedir '@(csv|CSV|ndjson|json|gz)'
} &&
	complete -F _wf_report wf-report

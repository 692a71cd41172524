# bash completion for wf-ingest(1)                    -*- shell-script -*-
_wf_ingest()
{
	local cur prev words cword split
	_init_completion -s || return

	case $prev in
	-f | --format)
		COMPREPLY=($(compgen -W 'csv ndjson' -- "$cur"))
		return ;;
	--input-format)
		COMPREPLY=($(compgen -W 'auto csv ndjson' -- "$cur"))
		return ;;
	--encoding)
		COMPREPLY=($(compgen -W 'auto utf-8 cp1252 latin1' -- "$cur"))
		return ;;
	--decimal)
		COMPREPLY=($(compgen -W 'auto comma point' -- "$cur"))
		return ;;
	-d | --delimiter)
		COMPREPLY=($(compgen -W "';' ',' '|' tab" -- "$cur"))
		return ;;
	--codes)
		_filedir -d
		_filedir zip
		return ;;
	-o | --output | --rejects | --places | --place-overrides | --placement-report)
		_filedir
		return ;;
	--year)
		COMPREPLY=($(compgen -W "$(seq 2001 2024)" -- "$cur"))
		return ;;
	--max-field-bytes | --threads)
		return ;;
	esac
	$split && return

	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W '--format --output --codes --places --place-overrides
			--placement-report --year --rejects
			--decimal --decimal-comma --sum-duplicates --input-format --encoding --delimiter
			--max-field-bytes --threads --excel-safe --progress --no-progress --quiet --verbose
			--help --version' -- "$cur"))
		[[ ${COMPREPLY-} == *= ]] && compopt -o nospace
		return
	fi
	_filedir '@(csv|CSV|gz|zip|ndjson|jsonl)'
} && complete -F _wf_ingest wf-ingest

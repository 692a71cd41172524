# bash completion for wf-benchmark                          -*- shell-script -*-

_wf_benchmark()
{
	local cur prev words cword
	_init_completion -s || return

	local cols="year institution institution_type institution_name contract aggregate comparto region province comune"
	case $prev in
	-h | --help | -V | --version | --min-peers | --max-field-bytes | --threads | --change-threshold)
		return ;;
	-m | --metric)
		COMPREPLY=($(compgen -W "welfare_core welfare_extended welfare_core_per_employee women_share training_days_per_employee telework_share telework_women_share shift_work_share on_call_share absence_days_per_employee absence_illness_per_employee absence_care_per_employee absence_parental_per_employee fua_welfare_per_employee L090 L090+L107 L010 L011 L107 P035 TELEWORK TRAINING_DAYS ABSENCE_DAYS" -- "$cur"))
		return ;;
	--per)
		COMPREPLY=($(compgen -W "HEADCOUNT HEADCOUNT+FLEX_UNITS HEADCOUNT_WOMEN TELEWORK" -- "$cur"))
		return ;;
	--peers | --by | --keep)
		# comma-separated: complete the last item
		local pre="" last="$cur"
		[[ $cur == *,* ]] && pre="${cur%,*}," last="${cur##*,}"
		COMPREPLY=($(compgen -P "$pre" -W "$cols" -- "$last"))
		compopt -o nospace 2>/dev/null
		return ;;
	--size-classes)
		COMPREPLY=($(compgen -W "1-9,10-49,50-249,250-" -- "$cur"))
		return ;;
	--period)
		COMPREPLY=($(compgen -W "year month" -- "$cur"))
		return ;;
	-f | --format)
		COMPREPLY=($(compgen -W "csv ndjson" -- "$cur"))
		return ;;
	--input-format)
		COMPREPLY=($(compgen -W "auto csv ndjson" -- "$cur"))
		return ;;
	--encoding)
		COMPREPLY=($(compgen -W "auto utf-8 cp1252 latin1" -- "$cur"))
		return ;;
	--decimal)
		COMPREPLY=($(compgen -W 'auto comma point' -- \"$cur\"))
		return ;;
	-d | --delimiter)
		COMPREPLY=($(compgen -W "';' ',' '|' tab" -- "$cur"))
		return ;;
	--codes)
		_filedir
		return ;;
	-o | --output | --rejects | --baseline)
		_filedir
		return ;;
	esac

	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "--metric --per --profile --codes --peers --size-classes
			--min-peers --sum-duplicates --summary --by --period --baseline --change-threshold --keep --rejects --output
			--format --excel-safe --input-format --encoding --decimal --delimiter
			--max-field-bytes --threads --progress --no-progress --quiet --verbose --help --version" -- "$cur"))
		return
	fi
	_filedir
} &&
	complete -F _wf_benchmark wf-benchmark

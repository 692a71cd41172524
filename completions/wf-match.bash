# bash completion for wf-match(1)                     -*- shell-script -*-
_wf_match()
{
	local cur prev words cword split
	_init_completion -s || return

	case $prev in
	-f | --format)
		COMPREPLY=($(compgen -W 'csv ndjson' -- "$cur"))
		return ;;
	--objective)
		COMPREPLY=($(compgen -W 'score coverage' -- "$cur"))
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
		COMPREPLY=($(compgen -W "';' ',' '|' tab" -- "$cur"))
		return ;;
	--weights)
		COMPREPLY=($(compgen -W 'fit=0.4,distance=0.3,capacity=0.15,price=0.15' -- "$cur"))
		return ;;
	--map-demand)
		COMPREPLY=($(compgen -W 'id= name= lat= lon= istat= cap= comune= province= category= quantity= budget= max_km=' -- "${cur##*,}"))
		compopt -o nospace
		return ;;
	--map-supply)
		COMPREPLY=($(compgen -W 'id= name= lat= lon= istat= cap= comune= province= categories= capacity= unit_price= radius_km=' -- "${cur##*,}"))
		compopt -o nospace
		return ;;
	--demand-category | --supply-category)
		COMPREPLY=($(compgen -W "$(wf-match --list-categories 2>/dev/null | cut -f1)" -- "$cur"))
		return ;;
	-o | --output | --unmet | --rejects | --places | --taxonomy)
		_filedir
		return ;;
	--top | --distance-scale | --max-km | --max-memory | --threads | --max-field-bytes)
		return ;;
	esac
	$split && return

	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W '--top --assign --objective --weights --distance-scale
			--max-km --max-memory --threads --places --taxonomy --map-demand --map-supply --demand-category --supply-category --input-format
			--encoding --decimal --delimiter --max-field-bytes --output --format --excel-safe
			--unmet --rejects --list-categories --progress --no-progress --quiet --verbose --help --version' -- "$cur"))
		[[ ${COMPREPLY-} == *= ]] && compopt -o nospace
		return
	fi
	_filedir '@(csv|CSV|ndjson|json|gz)'
} &&
	complete -F _wf_match wf-match

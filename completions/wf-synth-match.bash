# bash completion for wf-synth-match                        -*- shell-script -*-

_wf_synth_match()
{
	local cur prev words cword
	_init_completion -s || return

	case $prev in
	-h | --help | -V | --version | --seed | --demand-rows | --supply-rows)
		return ;;
	-o | --output)
		_filedir -d
		return ;;
	--places)
		_filedir
		return ;;
	esac
	$split && return
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W '--output --seed --no-coords --scale --demand-rows
			--supply-rows --places --help --version' -- "$cur"))
		[[ ${COMPREPLY-} == *= ]] && compopt -o nospace
	else
		_filedir
	fi
} && complete -F _wf_synth_match wf-synth-match

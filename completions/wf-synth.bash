# bash completion for wf-synth                              -*- shell-script -*-

_wf_synth()
{
	local cur prev words cword
	_init_completion -s || return

	case $prev in
	-h | --help | -V | --version | -y | --year | --years | --scale | --seed)
		return ;;
	-o | --output | --codes)
		_filedir -d
		return ;;
	--zip)
		COMPREPLY=($(compgen -W 'auto root tutto nested' -- "$cur"))
		return ;;
	esac
	$split && return
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W '--output --codes --year --years --scale --seed --zip
			--tiny --demo --piemonte --targets --verbose --help --version' -- "$cur"))
		[[ ${COMPREPLY-} == *= ]] && compopt -o nospace
	fi
} && complete -F _wf_synth wf-synth

; GistQuiz installer for Windows (NSIS 3, Unicode). Compiled by packaging/build.py (makensis
; runs on Linux too). Defines: VERSION, PAYLOAD (the PyInstaller one-folder bundle), OUTFILE.
; Silent install/uninstall for CI: gistquiz-setup.exe /S, uninstall.exe /S.
Unicode true
!include "MUI2.nsh"
!include "FileFunc.nsh"

!ifndef VERSION
  !define VERSION "0.0.0"
!endif
!ifndef PAYLOAD
  !error "define PAYLOAD: the frozen app folder"
!endif
!ifndef OUTFILE
  !define OUTFILE "gistquiz-${VERSION}-setup.exe"
!endif

!define APPNAME "GistQuiz"
!define PROGID "GistQuiz.Document"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\GistQuiz"

Name "${APPNAME} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\${APPNAME}"
InstallDirRegKey HKLM "Software\${APPNAME}" "InstallDir"
RequestExecutionLevel admin
SetCompressor /SOLID lzma
VIProductVersion "${VERSION}.0"
VIAddVersionKey "ProductName" "${APPNAME}"
VIAddVersionKey "FileVersion" "${VERSION}"
VIAddVersionKey "FileDescription" "${APPNAME} installer"
VIAddVersionKey "LegalCopyright" "GistQuiz engineers"

!define MUI_ICON "..\icons\gistquiz.ico"
!define MUI_UNICON "..\icons\gistquiz.ico"
!define MUI_FINISHPAGE_RUN "$INSTDIR\gistquiz.exe"
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"

Function .onInit
  ; In-place upgrade: a previous install's folder is reused; its old files are removed first
  ; so nothing stale survives, settings and history (in the user's profile) are kept.
  ReadRegStr $0 HKLM "Software\${APPNAME}" "InstallDir"
  StrCmp $0 "" done
  StrCpy $INSTDIR $0
  IfFileExists "$INSTDIR\uninstall.exe" 0 done
  ExecWait '"$INSTDIR\uninstall.exe" /S _?=$INSTDIR'
  done:
FunctionEnd

Section "GistQuiz (required)" SecApp
  SectionIn RO
  SetOutPath "$INSTDIR"
  File /r "${PAYLOAD}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  WriteRegStr HKLM "Software\${APPNAME}" "InstallDir" "$INSTDIR"
  CreateDirectory "$SMPROGRAMS\${APPNAME}"
  CreateShortcut "$SMPROGRAMS\${APPNAME}\${APPNAME}.lnk" "$INSTDIR\gistquiz.exe"
  ; Apps & Features entry.
  WriteRegStr HKLM "${UNINSTKEY}" "DisplayName" "${APPNAME}"
  WriteRegStr HKLM "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTKEY}" "Publisher" "GistQuiz engineers"
  WriteRegStr HKLM "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\gistquiz.exe"
  WriteRegStr HKLM "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTKEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${UNINSTKEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTKEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKLM "${UNINSTKEY}" "EstimatedSize" $0
SectionEnd

!macro OpenWith EXT
  ; Adds GistQuiz to the "Open with" list only; the default handler is never changed.
  WriteRegStr HKLM "Software\Classes\${EXT}\OpenWithProgids" "${PROGID}" ""
  WriteRegStr HKLM "Software\Classes\Applications\gistquiz.exe\SupportedTypes" "${EXT}" ""
!macroend
!macro RemoveOpenWith EXT
  DeleteRegValue HKLM "Software\Classes\${EXT}\OpenWithProgids" "${PROGID}"
!macroend

Section "Offer GistQuiz in 'Open with' for articles" SecOpenWith
  WriteRegStr HKLM "Software\Classes\${PROGID}" "" "Article (GistQuiz)"
  WriteRegStr HKLM "Software\Classes\${PROGID}\DefaultIcon" "" "$INSTDIR\gistquiz.exe,0"
  WriteRegStr HKLM "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\gistquiz.exe" "%1"'
  WriteRegStr HKLM "Software\Classes\Applications\gistquiz.exe\shell\open\command" "" '"$INSTDIR\gistquiz.exe" "%1"'
  !insertmacro OpenWith ".txt"
  !insertmacro OpenWith ".md"
  !insertmacro OpenWith ".html"
  !insertmacro OpenWith ".htm"
  !insertmacro OpenWith ".pdf"
  !insertmacro OpenWith ".docx"
  !insertmacro OpenWith ".epub"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, i 0, i 0)'
SectionEnd

Section "Uninstall"
  !insertmacro RemoveOpenWith ".txt"
  !insertmacro RemoveOpenWith ".md"
  !insertmacro RemoveOpenWith ".html"
  !insertmacro RemoveOpenWith ".htm"
  !insertmacro RemoveOpenWith ".pdf"
  !insertmacro RemoveOpenWith ".docx"
  !insertmacro RemoveOpenWith ".epub"
  DeleteRegKey HKLM "Software\Classes\${PROGID}"
  DeleteRegKey HKLM "Software\Classes\Applications\gistquiz.exe"
  Delete "$SMPROGRAMS\${APPNAME}\${APPNAME}.lnk"
  RMDir "$SMPROGRAMS\${APPNAME}"
  RMDir /r "$INSTDIR"
  DeleteRegKey HKLM "${UNINSTKEY}"
  DeleteRegKey HKLM "Software\${APPNAME}"
SectionEnd

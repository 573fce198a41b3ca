window.briefgenPeople = [["Omar Castell","people/omar-castell.html","Country not stated","chief of staff",1],["Anna Varga","people/anna-varga.html","Country not stated","Foreign Minister",1]];
